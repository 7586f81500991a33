"""The Specified Information index, registers, forward plan and alerts."""
