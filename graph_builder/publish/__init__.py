"""Publishing the graph as linked data: dumps, VoID/DCAT, resource pages and a static site."""

from graph_builder.publish.config import Publication, detect_base
from graph_builder.publish.export import export, render_dumps
from graph_builder.publish.formats import FORMATS
from graph_builder.publish.void import describe_dataset

__all__ = ["FORMATS", "Publication", "describe_dataset", "detect_base", "export", "render_dumps"]
