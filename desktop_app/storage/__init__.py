"""The one owner of SQLite. Returns domain objects; raises typed, translated errors."""
