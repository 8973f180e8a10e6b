"""The only stage that knows RDF terms for records: Records + Entities -> rdflib Dataset."""

from graph_builder.rdf.iris import DEFAULT_BASE, Iris
from graph_builder.rdf.write import ENTITIES_GRAPH, to_dataset

__all__ = ["DEFAULT_BASE", "ENTITIES_GRAPH", "Iris", "to_dataset"]
