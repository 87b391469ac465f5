"""Event grouping: every report lands with the other reports of the same event.

Layout
- features.py, names.py, lexicon.py: text -> weighted terms, two-word phrases and names
  (plain Python); the headline and lead weigh more, but not their "after ..." clauses, which
  recap the happening a follow-up follows. Name keys ignore case, accents, hyphens and spaces, so "Kim Yong-chol"
  and "Kim Yong Chol" are one key; -ise/-ize spellings stem alike.
- meaning.py: a report's meaning from the reading layer's sentence vectors (headline and
  lead; whole text) and an event's sums of them.
- scoring.py, scoring.json: the logistic model that turns the mean similarities (terms,
  names, meaning) into the probability that a report tells an event's story; fitted on
  labelled dev pairs by eval/grouping/fit_grouping.py, threshold chosen on dev data.
- similarity.py: an event's profile (centroid) and the score of a report against it:
  that probability, times a time factor when both have dates (when neither has, a mild
  penalty when their leads name only different weekdays) and a penalty when the event
  already has a report from the same outlet.
- order.py: the order an import is grouped in (oldest first; undated reports cluster by
  cluster), a function of the reports and not of the file.
- near_misses.py: events scored just under the threshold are linked as "possibly the same
  story" (PossiblySame), shown on both pages, mergeable in the admin. link_look.py: once a run
  is grouped, dated events of one news cycle that score at least a lower line are linked too,
  and dated events more than a news cycle apart are not.
- engine.py: the decision (join / start / review) with its evidence, over a Store. Only
  the events whose indexed keys overlap most are scored; for a dated report that overlap is
  scaled by the time decay to the event's latest report, so the same day's event is scored.
- refine.py: second thoughts after each decision: reports of the events in play move to
  another one that fits them clearly better (leave-one-out average linkage), so an early
  report decided on thin evidence does not stay in the wrong event.
- last_look.py: once an import is grouped (and at the end of a regroup), each report still
  alone in its event is scored again against the events the index finds for it, each rebuilt
  from its members with today's frequencies, and joins the best at the threshold: a report
  that started alone before its story's event formed. An import's look also takes the reports
  of earlier imports left alone that the index finds for the import's stories. Then each event
  of the import with company has second thoughts once more with the events now near it
  (closing_thoughts): a report that joined a related story before its own formed moves there.
- store.py (database) and memory.py (in memory, for regroup) implement the Store.
- service.py: assign_article(), one report. batched.py: group_articles(), the stored reports
  stage two of an import hands over, in publication order, with the document frequencies
  read once a chunk and written back in bulk. regroup.py: rebuild.
- corrections.py: staff move / split / merge / detach, recorded as manual decisions.
- summaries.py: event title (most representative headline) and summary (extracted).

Article.grouping_evidence (JSON) keys
- "decision": "joined" | "started" | "review" | "manual"
- "explanation": one readable sentence, e.g. "grouped because: shared people Kim
  Yong-chol, Sarah Sanders; shared terms summit, denuclearization; similarity 0.34"
- automatic decisions with a compared event: "event_id", "event_title" (the event joined,
  or the nearest one rejected), "score", "threshold", "term_similarity", "meaning_similarity" (null without vectors),
  "name_similarity", "time_factor", "gap_days" (null without dates), "shared_people",
  "shared_organisations", "shared_places", "shared_other_names", "shared_terms" (lists
  of strings), "candidates" ([{"event_id", "score"}], best first, at most 3)
- automatic decisions without any candidate: "threshold", "candidates" ([])
- reports moved by second thoughts: decision "joined" with the keys above (the score is
  against the event without the report), plus "moved_from_event_id" and
  "moved_after_article_id" (the report whose arrival prompted the move); the
  explanation starts "moved here from event #N when a related report arrived".
- reports moved by the last look: decision "joined" with the keys above, plus
  "moved_from_event_id" (the event it was alone in, now deleted); the explanation starts
  "moved here from event #N, where it was alone, once the reports around it were grouped".
- manual decisions: "action" ("moved" | "split" | "merged" | "detached"), "by" (username),
  "at" (ISO time), "from_event_id", "event_id", "event_title"
"""
