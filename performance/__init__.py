"""Performance and scrutiny."""
