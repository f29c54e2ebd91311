package io.catalogs.client.hubspot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The state of one pass over contacts modified since a time, page after page of the search
 * {@code lastmodifieddate GTE t} sorted ascending. Decides what each page adds to the feed and which
 * page to ask for next. Not thread-safe: one per subscription, fed one page at a time.
 *
 * <ul>
 * <li>Ties: HubSpot sorts by one property only, so contacts sharing a modification time come in no
 * known order. They are held until a later time (or the end) shows the group is complete, then
 * passed on ordered by id: the feed is ascending by (time, id).</li>
 * <li>The 10,000 results limit: before a page would reach it, the search starts again at the
 * latest time passed on or held (inclusive), skipping the ids already seen at that time. A group of
 * more than 10,000 contacts sharing one millisecond cannot be paged past and fails the feed.</li>
 * <li>Shifts: search pages are offsets into the sorted result, and a contact modified while the
 * feed pages moves to its end, shifting the ones after it towards the start, so that one would never
 * be read. Each next page therefore starts one result early; when that first result is not the last
 * one of the page before, the order shifted and the search starts again at the latest time (every
 * shifted contact lies at or after it).</li>
 * <li>An older state of a contact read after a newer one (the index catching up) is dropped: the
 * feed never goes back in time.</li>
 * </ul>
 */
final class HubSpotChangeFeed {

	private static final Comparator<HubSpotContact> BY_ID = Comparator.comparing((HubSpotContact contact) -> contact.id().length())
		.thenComparing(HubSpotContact::id);

	private final int pageSize;

	private final int resultLimit;

	private Instant time;

	private final Set<String> seenAtTime = new HashSet<>();

	private final List<HubSpotContact> held = new ArrayList<>();

	private int readInQuery;

	private boolean movedSinceRestart = true;

	private String overlapId;

	HubSpotChangeFeed(Instant since, int pageSize, int resultLimit) {
		if (pageSize < 1 || pageSize > 200 || pageSize > resultLimit) {
			throw new IllegalArgumentException("page size must be 1 to 200 and at most the result limit");
		}
		this.time = since;
		this.pageSize = pageSize;
		this.resultLimit = resultLimit;
	}

	/** The first page to ask for. */
	HubSpotSearch first() {
		return query();
	}

	/**
	 * Takes {@code page}, the answer to {@code request}: the contacts it completes, in feed order,
	 * and the request of the next page ({@code null} when the feed is through).
	 * @throws IllegalStateException when more contacts share one modification time than one query can return
	 */
	Step accept(HubSpotSearch request, HubSpotPage page) {
		List<HubSpotContact> complete = new ArrayList<>();
		String expected = this.overlapId;
		this.overlapId = null;
		if (expected != null && (page.results().isEmpty() || !page.results().get(0).id().equals(expected))) {
			return new Step(complete, query());
		}
		for (HubSpotContact contact : page.results()) {
			Instant modified = contact.modifiedAt();
			if (modified.isBefore(this.time) || (modified.equals(this.time) && !this.seenAtTime.add(contact.id()))) {
				continue;
			}
			if (modified.isAfter(this.time)) {
				complete.addAll(release());
				this.time = modified;
				this.seenAtTime.add(contact.id());
			}
			this.held.add(contact);
			this.movedSinceRestart = true;
		}
		this.readInQuery += page.results().size();
		if (page.nextAfter().isEmpty()) {
			complete.addAll(release());
			return new Step(complete, null);
		}
		if (this.readInQuery + this.pageSize > this.resultLimit) {
			if (!this.movedSinceRestart) {
				throw new IllegalStateException("more than " + this.resultLimit + " contacts share lastmodifieddate "
						+ this.time + ": HubSpot's search cannot page past them");
			}
			this.movedSinceRestart = false;
			return new Step(complete, query());
		}
		String after = page.nextAfter().get();
		if (!page.results().isEmpty() && after.chars().allMatch(Character::isDigit) && after.length() < 10
				&& Integer.parseInt(after) > 0) {
			// one result early: the page must begin with the last contact of this one
			this.overlapId = page.results().get(page.results().size() - 1).id();
			after = Integer.toString(Integer.parseInt(after) - 1);
		}
		return new Step(complete, request.after(after));
	}

	private List<HubSpotContact> release() {
		List<HubSpotContact> group = new ArrayList<>(this.held);
		group.sort(BY_ID);
		this.held.clear();
		this.seenAtTime.clear();
		return group;
	}

	private HubSpotSearch query() {
		this.readInQuery = 0;
		return new HubSpotSearch(List.of(List.of(HubSpotFilter.of(HubSpotContact.LAST_MODIFIED, HubSpotFilter.Operator.GTE,
				HubSpotFilter.millis(this.time)))), List.of(HubSpotSort.ascending(HubSpotContact.LAST_MODIFIED)), this.pageSize, null);
	}

	/**
	 * What one page adds to the feed.
	 *
	 * @param changes the contacts it completes, in feed order
	 * @param next the request of the next page, {@code null} at the end
	 */
	record Step(List<HubSpotContact> changes, HubSpotSearch next) {
	}
}
