"""Police and crime plans."""
