"""The library's version: part of every digest, so a record names the code that made it."""

__version__ = "0.1.0"
