package io.catalogs.client.hubspot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.catalogs.client.http.NotFoundClientException;
import io.catalogs.client.http.Paging;
import io.catalogs.client.http.VendorHttpClient;
import io.catalogs.client.http.VendorRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * HubSpot contacts (CRM v3 objects API). Errors are {@link io.catalogs.client.http.ClientException}s;
 * a contact that does not exist (or is archived) reads as an empty result.
 */
public final class HubSpotContacts {

	private static final String PATH = "/crm/v3/objects/contacts";

	private final VendorHttpClient http;

	private final HubSpotSettings settings;

	private final String propertyList;

	HubSpotContacts(VendorHttpClient http, HubSpotSettings settings) {
		this.http = http;
		this.settings = settings;
		this.propertyList = String.join(",", settings.properties());
	}

	/**
	 * Creates a contact at most once: {@code properties} must hold our id under the gateway id
	 * property; the contact is first looked up by it ({@code GET .../{id}?idProperty=...}, read
	 * from the primary store, not the search index) and created only when absent. A create whose
	 * answer was lost is found by the next attempt's look-up; a duplicate create is refused by
	 * HubSpot (the property is unique) and answered by the look-up too.
	 */
	public Mono<HubSpotContact> create(Map<String, String> properties) {
		String gatewayId = properties.get(this.settings.gatewayIdProperty());
		if (gatewayId == null) {
			return Mono.error(new IllegalArgumentException("properties lack " + this.settings.gatewayIdProperty()));
		}
		VendorRequest create = VendorRequest.post(PATH, Map.of("properties", properties, "associations", List.of()));
		return this.http.lookupOrCreate(byGatewayId(gatewayId), create, HubSpotContact.class);
	}

	/** The contact with HubSpot id {@code id}; empty when there is none. */
	public Mono<HubSpotContact> get(String id) {
		return this.http.exchange(VendorRequest.get(PATH + "/" + VendorRequest.segment(id))
			.withQuery("properties", this.propertyList), HubSpotContact.class)
			.onErrorResume(NotFoundClientException.class, (missing) -> Mono.empty());
	}

	/** The contact whose gateway id property is {@code gatewayId}; empty when there is none. */
	public Mono<HubSpotContact> findByGatewayId(String gatewayId) {
		return this.http.exchange(byGatewayId(gatewayId), HubSpotContact.class)
			.onErrorResume(NotFoundClientException.class, (missing) -> Mono.empty());
	}

	/** Changes the given properties (an empty value clears one); errors with {@link NotFoundClientException} when gone. */
	public Mono<HubSpotContact> update(String id, Map<String, String> properties) {
		return this.http.exchange(VendorRequest.patch(PATH + "/" + VendorRequest.segment(id), Map.of("properties", properties)),
				HubSpotContact.class);
	}

	/** Archives (deletes) the contact; completes normally when it was already gone. */
	public Mono<Void> archive(String id) {
		return this.http.exchange(VendorRequest.delete(PATH + "/" + VendorRequest.segment(id)))
			.onErrorResume(NotFoundClientException.class, (missing) -> Mono.empty());
	}

	/** One page of contacts in HubSpot's id order, starting after cursor {@code after} ({@code null}: the first page). */
	public Mono<HubSpotPage> list(int limit, String after) {
		return this.http.exchange(VendorRequest.get(PATH)
			.withQuery("limit", limit)
			.withQuery("after", after)
			.withQuery("properties", this.propertyList), HubSpotPage.class);
	}

	/** Every contact, page after page as they are consumed. */
	public Flux<HubSpotContact> all(int pageSize) {
		return Paging.items(list(pageSize, null),
				(page) -> page.nextAfter().map((after) -> list(pageSize, after)).orElse(Mono.empty()), HubSpotPage::results);
	}

	/**
	 * Contacts whose {@code property} equals {@code value}, through the search API (eventually
	 * consistent, and limited to 5 requests per second per account by HubSpot).
	 */
	public Mono<HubSpotPage> search(String property, String value, int limit, String after) {
		return search(HubSpotSearch.where(List.of(HubSpotFilter.eq(property, value)), limit).after(after));
	}

	/**
	 * One page of a CRM search, with the configured properties. The search index lags behind
	 * writes by seconds; HubSpot answers at most {@link HubSpotSearch#MAX_RESULTS} results per query
	 * (a page past them is a 400) and 5 searches per second per account.
	 */
	public Mono<HubSpotPage> search(HubSpotSearch search) {
		return search(search, this.settings.properties());
	}

	/**
	 * Every contact modified at or after {@code since}, ascending by {@code lastmodifieddate} and
	 * then id, each state once, searched page by page as consumed (see {@link HubSpotChangeFeed}).
	 * Archived contacts are not searchable: deletions are not in this feed (HubSpot reports them
	 * through webhooks; {@link #getArchived} reads one).
	 */
	public Flux<HubSpotContact> modifiedSince(Instant since, int pageSize) {
		return modifiedSince(since, pageSize, HubSpotSearch.MAX_RESULTS);
	}

	/** {@link #modifiedSince(Instant, int)} with HubSpot's results-per-query limit given (tests). */
	Flux<HubSpotContact> modifiedSince(Instant since, int pageSize, int resultLimit) {
		List<String> properties = new ArrayList<>(this.settings.properties());
		if (!properties.contains(HubSpotContact.LAST_MODIFIED)) {
			properties.add(HubSpotContact.LAST_MODIFIED);
		}
		return Flux.defer(() -> {
			HubSpotChangeFeed feed = new HubSpotChangeFeed(since, pageSize, resultLimit);
			Function<HubSpotSearch, Mono<HubSpotChangeFeed.Step>> fetch = (search) -> search(search, properties)
				.map((page) -> feed.accept(search, page));
			return fetch.apply(feed.first())
				.expand((step) -> (step.next() != null) ? fetch.apply(step.next()) : Mono.empty(), 1)
				.concatMapIterable(HubSpotChangeFeed.Step::changes, 1);
		});
	}

	/**
	 * The archived contact with HubSpot id {@code id} ({@code GET ...?archived=true}); empty when
	 * there is none or it is not archived.
	 */
	public Mono<HubSpotContact> getArchived(String id) {
		return this.http.exchange(VendorRequest.get(PATH + "/" + VendorRequest.segment(id))
			.withQuery("archived", true)
			.withQuery("properties", this.propertyList), HubSpotContact.class)
			.filter(HubSpotContact::archived)
			.onErrorResume(NotFoundClientException.class, (missing) -> Mono.empty());
	}

	private Mono<HubSpotPage> search(HubSpotSearch search, List<String> properties) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("filterGroups", search.filterGroups().stream()
			.map((group) -> Map.of("filters", group.stream().map(HubSpotFilter::toJson).toList())).toList());
		body.put("properties", properties);
		body.put("sorts", search.sorts().stream().map(HubSpotSort::toJson).toList());
		body.put("limit", search.limit());
		// the published schema requires "after"; "0" is the start
		body.put("after", (search.after() != null) ? search.after() : "0");
		return this.http.exchange(VendorRequest.post(PATH + "/search", body), HubSpotPage.class);
	}

	private VendorRequest byGatewayId(String gatewayId) {
		return VendorRequest.get(PATH + "/" + VendorRequest.segment(gatewayId))
			.withQuery("idProperty", this.settings.gatewayIdProperty())
			.withQuery("properties", this.propertyList);
	}
}
