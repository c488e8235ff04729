"""Platform data import (CSV/XLSX exports) and live follow of a growing CSV."""
