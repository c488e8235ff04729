"""Pure domain: dataclasses, enums, formulas and rules. No Qt, no SQL, no wall clock."""
