package io.catalogs.client.stripe;

import java.time.Instant;
import java.util.Set;

import io.catalogs.client.http.Paging;
import io.catalogs.client.http.VendorHttpClient;
import io.catalogs.client.http.VendorRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;

/**
 * Stripe's Events API ({@code GET /v1/events}) for customers and invoices: what changed since a
 * time, newest first as Stripe lists them, page after page ({@code starting_after}). Stripe keeps
 * events for 30 days; an older {@code since} silently returns only what is left.
 */
public final class StripeEvents {

	/** The customer events that carry a customer ({@code customer.*} also covers sources, discounts, subscriptions...). */
	public static final Set<String> CUSTOMER_TYPES = Set.of("customer.created", "customer.updated", "customer.deleted");

	private static final ParameterizedTypeReference<StripeList<StripeEvent<StripeCustomer>>> CUSTOMER_EVENTS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<StripeList<StripeEvent<StripeInvoice>>> INVOICE_EVENTS = new ParameterizedTypeReference<>() {
	};

	private final VendorHttpClient http;

	StripeEvents(VendorHttpClient http) {
		this.http = http;
	}

	/** Every {@link #CUSTOMER_TYPES} event created at or after {@code since} (whole seconds, rounded down), newest first. */
	public Flux<StripeEvent<StripeCustomer>> customers(Instant since, int pageSize) {
		return all("customer.*", since, pageSize, CUSTOMER_EVENTS)
			.filter((event) -> CUSTOMER_TYPES.contains(event.type()) && event.object() != null);
	}

	/**
	 * Every {@code invoice.*} event about an existing invoice ({@code invoice.upcoming} describes a
	 * future one without id and is left out) created at or after {@code since}, newest first.
	 */
	public Flux<StripeEvent<StripeInvoice>> invoices(Instant since, int pageSize) {
		return all("invoice.*", since, pageSize, INVOICE_EVENTS)
			.filter((event) -> event.object() != null && event.object().id() != null);
	}

	/** One page of events of {@code type} (exact, or a group such as {@code invoice.*}) created at or after {@code since}. */
	public <T extends StripeObject> Mono<StripeList<StripeEvent<T>>> list(String type, Instant since, StripePageRequest page,
			ParameterizedTypeReference<StripeList<StripeEvent<T>>> kind) {
		VendorRequest request = VendorRequest.get("/v1/events")
			.withQuery("type", type)
			.withQuery("created[gte]", (since != null) ? since.getEpochSecond() : null)
			.withQuery("limit", page.limit())
			.withQuery("starting_after", page.startingAfter());
		return this.http.exchange(request, kind);
	}

	private <T extends StripeObject> Flux<StripeEvent<T>> all(String type, Instant since, int pageSize,
			ParameterizedTypeReference<StripeList<StripeEvent<T>>> kind) {
		StripePageRequest first = StripePageRequest.first(Math.min(pageSize, 100));
		return Paging.items(list(type, since, first, kind),
				(page) -> page.nextStartingAfter().map((id) -> list(type, since, first.after(id), kind)).orElse(Mono.empty()),
				StripeList::data);
	}
}
