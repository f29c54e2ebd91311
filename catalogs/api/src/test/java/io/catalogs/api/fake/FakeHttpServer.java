package io.catalogs.api.fake;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A local HTTP server (reactor-netty, loopback, random port) that speaks one vendor's API through a
 * {@link FakeVendor}, injects faults from a {@link FaultPlan} and records every request. Copied
 * from the clients module's test fixtures without their OpenAPI validation (the clients' own tests
 * check requests against the vendors' descriptions).
 */
public final class FakeHttpServer implements AutoCloseable {

	private final FakeVendor vendor;

	private final DisposableServer server;

	private final AtomicInteger sequence = new AtomicInteger();

	private final List<FakeExchange> received = Collections.synchronizedList(new ArrayList<>());

	private final Object lock = new Object();

	private volatile FaultPlan faults = FaultPlan.none();

	private FakeHttpServer(FakeVendor vendor) {
		this.vendor = vendor;
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle(this::serve).bindNow();
	}

	public static FakeHttpServer start(FakeVendor vendor) {
		return new FakeHttpServer(vendor);
	}

	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.port());
	}

	public void faults(FaultPlan plan) {
		this.faults = plan;
	}

	/** Forgets requests, faults and the vendor's objects. */
	public void reset() {
		synchronized (this.lock) {
			this.received.clear();
			this.faults = FaultPlan.none();
			this.vendor.reset();
		}
	}

	public List<FakeExchange> received() {
		synchronized (this.received) {
			return List.copyOf(this.received);
		}
	}

	private Mono<Void> serve(HttpServerRequest request, HttpServerResponse response) {
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
			.map((body) -> exchange(request, body))
			.publishOn(Schedulers.boundedElastic())
			.map(this::process)
			.flatMap((outcome) -> write(response, outcome));
	}

	private FakeExchange exchange(HttpServerRequest request, String body) {
		URI uri = URI.create(request.uri());
		Map<String, List<String>> query = new LinkedHashMap<>();
		UriComponentsBuilder.fromUri(uri).build().getQueryParams().forEach((name, values) -> query.put(decode(name),
				values.stream().map((value) -> (value != null) ? decode(value) : "").toList()));
		HttpHeaders headers = new HttpHeaders();
		request.requestHeaders().forEach((entry) -> headers.add(entry.getKey(), entry.getValue()));
		return new FakeExchange(this.sequence.incrementAndGet(), System.nanoTime(), request.method().name(),
				decode(uri.getRawPath()), query, headers, body);
	}

	private Outcome process(FakeExchange exchange) {
		this.received.add(exchange);
		Fault fault;
		FakeResponse answer;
		synchronized (this.lock) {
			fault = this.faults.next(exchange);
			if (fault.kind() == Fault.Kind.RESET) {
				return new Outcome(null, fault);
			}
			answer = (fault.kind() == Fault.Kind.STATUS) ? statusFault(fault, this.vendor) : this.vendor.handle(exchange);
		}
		return new Outcome(answer, fault);
	}

	private static FakeResponse statusFault(Fault fault, FakeVendor vendor) {
		FakeResponse answer = vendor.error(fault.status(), "injected fault " + fault.status());
		return (fault.retryAfter() != null) ? answer.withHeader("Retry-After", fault.retryAfter().toString()) : answer;
	}

	private Mono<Void> write(HttpServerResponse response, Outcome outcome) {
		Fault.Kind kind = outcome.fault().kind();
		if (kind == Fault.Kind.RESET || kind == Fault.Kind.RESET_AFTER_COMMIT) {
			response.withConnection((connection) -> {
				connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
				connection.channel().close();
			});
			return Mono.never();
		}
		FakeResponse answer = outcome.response();
		response.status(answer.status());
		answer.headers().forEach(response::header);
		Mono<Void> send = answer.body().isEmpty() ? response.send().then()
				: response.sendString(Mono.just(answer.body())).then();
		return (kind == Fault.Kind.SLOW) ? Mono.delay(outcome.fault().delay()).then(send) : send;
	}

	private static String decode(String text) {
		return java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	private record Outcome(FakeResponse response, Fault fault) {
	}
}
