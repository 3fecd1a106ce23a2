"""Contains all the data models used in inputs/outputs"""

from .empty import Empty
from .error import Error

__all__ = (
    "Empty",
    "Error",
)
