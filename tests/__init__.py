"""The newsclaims test suite."""
