"""Built-in company-style personas (YAML data shipped in the wheel)."""
