package io.catalogs.api.quickbooks;

import io.catalogs.api.RemoteChange;
import io.catalogs.client.quickbooks.QuickBooksClient;
import io.catalogs.client.quickbooks.QuickBooksEntities;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The changes of one QuickBooks entity type through the query endpoint, in ascending order of
 * {@code MetaData.LastUpdatedTime}: {@code select * from <Entity> where MetaData.LastUpdatedTime >=
 * '<time>' orderby MetaData.LastUpdatedTime STARTPOSITION n MAXRESULTS m}. QuickBooks keeps that
 * time to the second, so many objects may share one; each page after the first starts again at the
 * last time seen and skips the objects of that time already read (a keyset on the time, positions
 * only within one time), so an object changed while the pull runs moves behind the cursor instead
 * of shifting every later position.
 */
final class QuickBooksChangeFeed<T> {

	private static final String TIME = "MetaData.LastUpdatedTime";

	private static final DateTimeFormatter QUERY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
		.withZone(ZoneOffset.UTC);

	private static final Comparator<RemoteChange> ORDER = Comparator.comparing(RemoteChange::modifiedAt)
		.thenComparing((change) -> change.remoteId().length()).thenComparing(RemoteChange::remoteId);

	private final QuickBooksEntities<T> entities;

	private final String filter;

	private final Function<T, RemoteChange> change;

	private final int pageSize;

	/**
	 * @param filter a further condition every query carries ({@code Active in (true, false)}), or {@code null}
	 * @param change the change an entity stands for
	 */
	QuickBooksChangeFeed(QuickBooksEntities<T> entities, String filter, Function<T, RemoteChange> change, int pageSize) {
		this.entities = entities;
		this.filter = filter;
		this.change = change;
		this.pageSize = pageSize;
	}

	/** The order changes are emitted in: time, then id (numerically, as QuickBooks ids are numbers). */
	static Comparator<RemoteChange> order() {
		return ORDER;
	}

	/** Every entity changed at or after {@code since}, page by page as consumed. */
	Flux<RemoteChange> since(Instant since) {
		return page(new Position(since, 0))
			.expand((page) -> (page.next() != null) ? page(page.next()) : Mono.empty())
			.concatMapIterable(Page::changes)
			.filter((change) -> !change.modifiedAt().isBefore(since));
	}

	private Mono<Page> page(Position position) {
		String where = ((this.filter != null) ? this.filter + " and " : "") + TIME + " >= "
				+ QuickBooksClient.literal(QUERY_TIME.format(position.time()));
		return this.entities.query(where, TIME, position.skip() + 1, this.pageSize).map((page) -> {
			List<RemoteChange> changes = page.items().stream().map(this.change).toList();
			if (page.nextStartPosition().isEmpty() || changes.isEmpty()) {
				return new Page(sorted(changes), null);
			}
			Instant last = changes.get(changes.size() - 1).modifiedAt();
			int atLast = (int) changes.stream().filter((change) -> change.modifiedAt().equals(last)).count();
			// the query's bound is the time floored to the second: a page that did not move past that
			// second is read again from the same bound, further along
			boolean samePlace = !last.isAfter(position.time().truncatedTo(ChronoUnit.SECONDS));
			Position next = samePlace ? new Position(position.time(), position.skip() + changes.size())
					: new Position(last, atLast);
			return new Page(sorted(changes), next);
		});
	}

	private static List<RemoteChange> sorted(List<RemoteChange> changes) {
		return changes.stream().sorted(ORDER).toList();
	}

	private record Position(Instant time, int skip) {
	}

	private record Page(List<RemoteChange> changes, Position next) {
	}
}
