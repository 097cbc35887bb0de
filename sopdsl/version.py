"""The version of sopdsl, in a module of its own so that any part can read it without loading the package API."""

__version__ = "0.1.0"
