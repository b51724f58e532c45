"""The package version, read by the build backend and by ``newsclaims --version``."""

__version__ = "0.1.0"
