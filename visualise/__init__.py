"""The accountability network: RDF -> networkx projection -> standalone pyvis HTML."""

from visualise.network import render
from visualise.projection import project

__all__ = ["project", "render"]
