# PyInstaller hook: UI feature packages and CLI command modules are discovered at run time
# (pkgutil.iter_modules), so static analysis cannot see them; collect every submodule.
from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules("desktop_app")
