-- The search's query shape (README, "Search"): finding, ranking and counting the facets of the
-- candidates read small columns kept in the row; the whole document (about 2.4 KB, TOASTed) is
-- only ever read through its index. Both columns are generated, so the code that writes a search
-- row does not change.

-- Titles and summaries only (weights A and B, about 0.5 KB): searched first, and what ranking reads.
ALTER TABLE practice_search
  ADD COLUMN head tsvector GENERATED ALWAYS AS (ts_filter(document, '{a,b}')) STORED;
CREATE INDEX practice_search_head_idx ON practice_search USING gin (head);

-- Every facet value of a practice as 'facet:value' (the facet names of the API): one GIN index
-- serves every filter, and the candidates' facets are counted from this one column.
CREATE FUNCTION practice_facet_keys(
  objectives text[], principles text[], areas text[], countries text[], regions text[],
  stages text[], modality text, year smallint, languages text[], network uuid, organisations uuid[]
) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY(SELECT 'objective:' || v FROM unnest(objectives) v)
    || ARRAY(SELECT 'principle:' || v FROM unnest(principles) v)
    || ARRAY(SELECT 'area:' || v FROM unnest(areas) v)
    || ARRAY(SELECT 'country:' || v FROM unnest(countries) v)
    || ARRAY(SELECT 'region:' || v FROM unnest(regions) v)
    || ARRAY(SELECT 'stage:' || v FROM unnest(stages) v)
    || ARRAY(SELECT 'modality:' || modality WHERE modality IS NOT NULL)
    || ARRAY(SELECT 'year:' || year WHERE year IS NOT NULL)
    || ARRAY(SELECT 'language:' || v FROM unnest(languages) v)
    || ARRAY['network:' || network]
    || ARRAY(SELECT 'organisation:' || v FROM unnest(organisations) v)
$$;
ALTER TABLE practice_search
  ADD COLUMN facet_keys text[] GENERATED ALWAYS AS (practice_facet_keys(gcm_objectives, gcm_principles,
    thematic_areas, countries, regions, stages, modality, year, languages, network_id, organisations)) STORED;
CREATE INDEX practice_search_facets_idx ON practice_search USING gin (facet_keys);
