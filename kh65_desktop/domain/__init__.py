"""Plan concepts and rules: numbers, progress, consistency. Pure Python, no Qt, no database."""
