package io.catalogs.client.hubspot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The change feed's paging decisions against an in-memory search that orders ties arbitrarily. */
class HubSpotChangeFeedTests {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	@Test
	void groupsSharingATimeAcrossPageBoundariesComeOnceEachOrderedById() {
		// groups of 1 to 7 contacts sharing a millisecond, pages of 3: every boundary cuts groups
		List<HubSpotContact> contacts = new ArrayList<>();
		Random random = new Random(7);
		for (int t = 0; t < 40; t++) {
			for (int i = 0, size = 1 + random.nextInt(7); i < size; i++) {
				contacts.add(contact(100 + contacts.size(), t));
			}
		}
		List<HubSpotContact> fed = run(new HubSpotChangeFeed(T0, 3, 10_000), contacts);
		assertThat(fed).extracting(HubSpotContact::id).containsExactlyElementsOf(feedOrder(contacts));
	}

	@Test
	void startsAgainFromTheLastTimeBeforeReachingTheResultLimitSkippingWhatItSawThere() {
		List<HubSpotContact> contacts = new ArrayList<>();
		for (int i = 0; i < 95; i++) {
			contacts.add(contact(1000 + i, i / 4));
		}
		List<Integer> offsets = new ArrayList<>();
		List<HubSpotContact> fed = run(new HubSpotChangeFeed(T0, 4, 10), contacts, offsets);
		assertThat(fed).extracting(HubSpotContact::id).containsExactlyElementsOf(feedOrder(contacts));
		// no query pages past its 10 results: each starts again at offset 0
		assertThat(offsets).allMatch((offset) -> offset + 4 <= 10).contains(0, 3);
		assertThat(offsets.stream().filter((offset) -> offset == 0).count()).isGreaterThan(5);
	}

	@Test
	void missesNothingWhenContactsAlreadyReadAreModifiedWhileItPages() {
		List<HubSpotContact> contacts = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			contacts.add(contact(100 + i, i / 2));
		}
		// after the 2nd and 4th requests, contacts read on the first page change: the rest shift
		List<HubSpotContact> fed = run(new HubSpotChangeFeed(T0, 5, 10_000), contacts, new ArrayList<>(), (request) -> {
			if (request == 2 || request == 4) {
				for (int i = 0; i < 3; i++) {
					int index = (request == 2) ? i : 3 + i;
					HubSpotContact changed = contact(Integer.parseInt(contacts.get(index).id()), 1000 + request * 10 + i);
					contacts.set(index, changed);
				}
			}
		});
		List<String> states = fed.stream().map((c) -> c.id() + "@" + c.modifiedAt()).toList();
		assertThat(states).doesNotHaveDuplicates();
		assertThat(states).containsAll(contacts.stream().map((c) -> c.id() + "@" + c.modifiedAt()).toList());
		assertThat(fed).extracting(HubSpotContact::modifiedAt).isSorted();
	}

	@Test
	void startsAtTheGivenTimeInclusive() {
		List<HubSpotContact> contacts = List.of(contact(1, 0), contact(2, 5), contact(3, 5), contact(4, 9));
		List<HubSpotContact> fed = run(new HubSpotChangeFeed(T0.plusMillis(5), 2, 10_000), contacts);
		assertThat(fed).extracting(HubSpotContact::id).containsExactly("2", "3", "4");
	}

	@Test
	void failsWhenMoreContactsShareOneTimeThanOneQueryCanReturn() {
		List<HubSpotContact> contacts = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			contacts.add(contact(i, 3));
		}
		assertThatIllegalStateException().isThrownBy(() -> run(new HubSpotChangeFeed(T0, 4, 10), contacts))
			.withMessageContaining("share lastmodifieddate");
	}

	@Test
	void dropsAnOlderStateAndARepeatedOneOfAContactAlreadyPassedOn() {
		HubSpotChangeFeed feed = new HubSpotChangeFeed(T0, 2, 10_000);
		HubSpotSearch first = feed.first();
		HubSpotChangeFeed.Step one = feed.accept(first, page("2", contact(1, 1), contact(2, 4)));
		assertThat(one.changes()).extracting(HubSpotContact::id).containsExactly("1");
		HubSpotChangeFeed.Step two = feed.accept(one.next(), page(null, contact(2, 4), contact(1, 2)));
		assertThat(two.changes()).extracting(HubSpotContact::id).containsExactly("2");
		assertThat(two.next()).isNull();
	}

	@Test
	void asksForLastModifiedDateFromTheTimeAscending() {
		HubSpotSearch first = new HubSpotChangeFeed(T0, 50, 10_000).first();
		assertThat(first.filterGroups()).singleElement().satisfies((group) -> assertThat(group)
			.containsExactly(HubSpotFilter.of("lastmodifieddate", HubSpotFilter.Operator.GTE, Long.toString(T0.toEpochMilli()))));
		assertThat(first.sorts()).containsExactly(HubSpotSort.ascending("lastmodifieddate"));
		assertThat(first.limit()).isEqualTo(50);
		assertThat(first.after()).isNull();
	}

	private static List<String> feedOrder(List<HubSpotContact> contacts) {
		return contacts.stream().sorted(Comparator.comparing(HubSpotContact::modifiedAt)
			.thenComparing((HubSpotContact c) -> Long.parseLong(c.id()))).map(HubSpotContact::id).toList();
	}

	private static List<HubSpotContact> run(HubSpotChangeFeed feed, List<HubSpotContact> contacts) {
		return run(feed, contacts, new ArrayList<>());
	}

	private static List<HubSpotContact> run(HubSpotChangeFeed feed, List<HubSpotContact> contacts, List<Integer> offsets) {
		return run(feed, contacts, offsets, (request) -> {
		});
	}

	/** Pages {@code feed} through a search that sorts by time, ties by descending id, offsets as cursors. */
	private static List<HubSpotContact> run(HubSpotChangeFeed feed, List<HubSpotContact> contacts, List<Integer> offsets,
			IntConsumer beforeRequest) {
		List<HubSpotContact> fed = new ArrayList<>();
		HubSpotSearch request = feed.first();
		for (int guard = 0; request != null && guard < 10_000; guard++) {
			beforeRequest.accept(guard);
			Instant from = Instant.ofEpochMilli(Long.parseLong(request.filterGroups().get(0).get(0).value()));
			List<HubSpotContact> matching = contacts.stream().filter((c) -> !c.modifiedAt().isBefore(from))
				.sorted(Comparator.comparing(HubSpotContact::modifiedAt)
					.thenComparing((HubSpotContact c) -> Long.parseLong(c.id()), Comparator.reverseOrder()))
				.toList();
			int offset = (request.after() != null) ? Integer.parseInt(request.after()) : 0;
			offsets.add(offset);
			int end = Math.min(offset + request.limit(), matching.size());
			HubSpotPage page = page((end < matching.size()) ? Integer.toString(end) : null,
					matching.subList(offset, end).toArray(HubSpotContact[]::new));
			HubSpotChangeFeed.Step step = feed.accept(request, page);
			fed.addAll(step.changes());
			request = step.next();
		}
		return fed;
	}

	private static HubSpotPage page(String after, HubSpotContact... contacts) {
		return new HubSpotPage(List.of(contacts), (after != null) ? new HubSpotPage.Paging(new HubSpotPage.Next(after)) : null);
	}

	private static HubSpotContact contact(int id, int millis) {
		Instant modified = T0.plusMillis(millis);
		return new HubSpotContact(Integer.toString(id), Map.of("lastmodifieddate", modified.toString()), T0, modified, false,
				null);
	}
}
