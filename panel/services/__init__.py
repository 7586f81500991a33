"""Actions that change the panel's state, one module per area."""
