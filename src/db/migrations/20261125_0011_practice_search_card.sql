-- What a list of results shows of a practice, kept in its search row (README, "Search"): a page of
-- results reads neither the practice's version nor its whole content (about 4.7 KB of JSON,
-- TOASTed), only its titles and summaries in every language, its original language and
-- countries; the description too when there is no summary at all, since the list then shows it.
CREATE FUNCTION practice_card(content jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT jsonb_build_object(
    'title', coalesce(content->'title', '{}'),
    'summary', coalesce(content->'summary', '{}'),
    'description', CASE WHEN coalesce(content->'summary', '{}') = '{}'
      THEN coalesce(content->'description', '{}') ELSE '{}' END,
    'originalLanguage', content->'originalLanguage',
    'countries', coalesce(content->'countries', '[]'))
$$;

ALTER TABLE practice_search ADD COLUMN card jsonb;
UPDATE practice_search s SET card = practice_card(v.content)
  FROM practices p JOIN practice_versions v ON v.id = p.published_version_id
  WHERE p.id = s.practice_id;
ALTER TABLE practice_search ALTER COLUMN card SET NOT NULL;

-- Every search row was rewritten: fresh statistics for the planner, and the GIN indexes' pending
-- lists merged (the embedded database has no autovacuum to do it; the hourly upkeep vacuums).
ANALYZE practice_search;
SELECT gin_clean_pending_list('practice_search_document_idx'::regclass),
  gin_clean_pending_list('practice_search_head_idx'::regclass),
  gin_clean_pending_list('practice_search_facets_idx'::regclass);
