"""Entity resolution: owner cells and free text -> people, posts, units and partners.

``resolve(documents)`` is the stage function; it sees every document at once so that one
person, post or unit is one entity across all plans.
"""

from graph_builder.entities.model import Entities, MergeGroup, Owners, PartnerMention
from graph_builder.entities.resolve import resolve

__all__ = ["Entities", "MergeGroup", "Owners", "PartnerMention", "resolve"]
