"""A client library for accessing ModelArts Processor Tasks API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
