"""Stories: signatures and near-duplicate grouping, actors from the gazetteer, relevance."""
