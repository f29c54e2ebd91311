package io.catalogs.client.stripe;

import io.catalogs.client.http.IdempotencyKey;
import io.catalogs.client.http.NotFoundClientException;
import io.catalogs.client.http.Paging;
import io.catalogs.client.http.VendorHttpClient;
import io.catalogs.client.http.VendorRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;

/**
 * Stripe invoices. An invoice's amount is the sum of its line items: the client keeps one line
 * item per invoice, created with the invoice and changed by {@link #updateAmount}. Only drafts can
 * change amount, dates or be deleted; other statuses move with {@link #transition}.
 */
public final class StripeInvoices {

	private static final ParameterizedTypeReference<StripeList<StripeInvoice>> LIST = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<StripeSearchResult<StripeInvoice>> SEARCH = new ParameterizedTypeReference<>() {
	};

	private final VendorHttpClient http;

	StripeInvoices(VendorHttpClient http) {
		this.http = http;
	}

	/**
	 * Creates a draft invoice with one line item of {@code params.amount()}: three calls (invoice,
	 * line item, re-read), the first two each with its own step of {@code key}, so repeating the
	 * whole operation with the same key creates neither a second invoice nor a second item.
	 */
	public Mono<StripeInvoice> create(StripeInvoiceParams params, IdempotencyKey key) {
		VendorRequest invoice = VendorRequest.post("/v1/invoices", params.createForm()).withIdempotencyKey(key.step("invoice"));
		return this.http.exchange(invoice, StripeInvoice.class).flatMap((draft) -> {
			VendorRequest item = VendorRequest.post("/v1/invoiceitems", params.itemForm(draft.id()))
				.withIdempotencyKey(key.step("item"));
			return this.http.exchange(item, StripeInvoiceItem.class).then(getExisting(draft.id()));
		});
	}

	/** The invoice with {@code id}; empty when there is none or it was deleted. */
	public Mono<StripeInvoice> get(String id) {
		return getExisting(id).filter((invoice) -> !invoice.deleted())
			.onErrorResume(NotFoundClientException.class, (missing) -> Mono.empty());
	}

	/** Changes the given fields (dates, memo, metadata); errors with {@link NotFoundClientException} when gone. */
	public Mono<StripeInvoice> update(String id, StripeInvoiceParams params) {
		return this.http.exchange(VendorRequest.post(path(id), params.updateForm()), StripeInvoice.class);
	}

	/** Sets the amount of a draft's line item (in cents) and returns the re-read invoice. */
	public Mono<StripeInvoice> updateAmount(String id, long amount) {
		VendorRequest items = VendorRequest.get("/v1/invoiceitems").withQuery("invoice", id).withQuery("limit", 1);
		return this.http.exchange(items, new ParameterizedTypeReference<StripeList<StripeInvoiceItem>>() {
		}).flatMap((page) -> Mono.justOrEmpty(page.data().stream().findFirst()))
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("invoice " + id + " has no line item")))
			.flatMap((item) -> this.http.exchange(VendorRequest.post("/v1/invoiceitems/" + VendorRequest.segment(item.id()),
					StripeForm.create().add("amount", amount).fields()), StripeInvoiceItem.class))
			.then(getExisting(id));
	}

	/**
	 * Moves the invoice to another status. Sent with {@code key} (may be {@code null}) as
	 * idempotency key, so a repeated transition returns the first result rather than a 400.
	 */
	public Mono<StripeInvoice> transition(String id, StripeInvoiceAction action, IdempotencyKey key) {
		StripeForm form = StripeForm.create();
		if (action == StripeInvoiceAction.PAY) {
			form.add("paid_out_of_band", true);
		}
		VendorRequest request = VendorRequest.post(path(id) + "/" + action.path(), form.fields()).withIdempotencyKey(key);
		return this.http.exchange(request, StripeInvoice.class);
	}

	/**
	 * Moves the invoice from status {@code from} to {@code to} along Stripe's workflow
	 * ({@link StripeInvoiceAction#between}), each action sent with its own step of {@code key} so the
	 * whole move can be repeated; emits the invoice after the last action, nothing when
	 * {@code from} equals {@code to}.
	 * @throws IllegalArgumentException (signalled) when Stripe allows no way from {@code from} to {@code to}
	 */
	public Mono<StripeInvoice> moveTo(String id, String from, String to, IdempotencyKey key) {
		return Mono.fromCallable(() -> StripeInvoiceAction.between(from, to))
			.flatMapMany(Flux::fromIterable)
			.concatMap((action) -> transition(id, action, (key != null) ? key.step(action.path()) : null))
			.reduce((first, last) -> last);
	}

	/** Deletes a draft; completes normally when it was already gone. Finalized invoices cannot be deleted (void them). */
	public Mono<Void> delete(String id) {
		return this.http.exchange(VendorRequest.delete(path(id)))
			.onErrorResume(NotFoundClientException.class, (missing) -> Mono.empty());
	}

	/** One page of invoices, newest first, optionally of one customer and/or status. */
	public Mono<StripeList<StripeInvoice>> list(StripePageRequest page, String customer, String status) {
		VendorRequest request = VendorRequest.get("/v1/invoices")
			.withQuery("limit", page.limit())
			.withQuery("starting_after", page.startingAfter())
			.withQuery("customer", customer)
			.withQuery("status", status);
		return this.http.exchange(request, LIST);
	}

	/** Every invoice (optionally of one customer and/or status), page after page as they are consumed. */
	public Flux<StripeInvoice> all(String customer, String status, int pageSize) {
		StripePageRequest first = StripePageRequest.first(pageSize);
		return Paging.items(list(first, customer, status),
				(page) -> page.nextStartingAfter().map((id) -> list(first.after(id), customer, status)).orElse(Mono.empty()),
				StripeList::data);
	}

	/** The first invoice whose metadata {@code key} equals {@code value}, through the (eventually consistent) Search API. */
	public Mono<StripeInvoice> findByMetadata(String key, String value) {
		String query = "metadata['" + StripeCustomers.escape(key) + "']:'" + StripeCustomers.escape(value) + "'";
		return this.http.exchange(VendorRequest.get("/v1/invoices/search").withQuery("query", query).withQuery("limit", 1),
				SEARCH).flatMap((result) -> Mono.justOrEmpty(result.data().stream().findFirst()));
	}

	private Mono<StripeInvoice> getExisting(String id) {
		return this.http.exchange(VendorRequest.get(path(id)), StripeInvoice.class);
	}

	private static String path(String id) {
		return "/v1/invoices/" + VendorRequest.segment(id);
	}
}
