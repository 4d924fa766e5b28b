-- PostgreSQL: statistics for a table model just built, inside the import's transaction. Without
-- them the planner guesses a few dozen rows for a million-row mart (autovacuum analyzes it only
-- later) and the first metric queries after an import run 5-10x slower on nested plans.
-- {{ relation }}: a model of the project (validated).
analyze {{ relation }}
