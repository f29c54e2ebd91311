package io.catalogs.redis;

import io.catalogs.spi.CatalogException;
import io.catalogs.spi.CatalogUnavailableException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one Lettuce connection of a Redis catalog: opened on first use (so that a catalog can be
 * created while Redis is down), re-opened after a failed attempt, and re-established by Lettuce
 * after it drops. While it is down, commands are rejected at once rather than queued; every command
 * times out after the configured timeout. Every Lettuce failure leaves here translated: connection
 * trouble, timeouts and a busy or loading server become {@link CatalogUnavailableException}, other
 * server errors a plain {@link CatalogException}, both with the driver's error as cause.
 */
final class RedisConnector {

	private static final Set<String> TRANSIENT_ERRORS = Set.of("LOADING", "BUSY", "MASTERDOWN", "TRYAGAIN",
			"CLUSTERDOWN", "READONLY");

	private final String catalog;

	private final ClientResources resources;

	private final RedisClient client;

	private final RedisURI uri;

	private final Duration timeout;

	private final AtomicReference<CompletableFuture<StatefulRedisConnection<String, String>>> connection = new AtomicReference<>();

	private RedisConnector(String catalog, ClientResources resources, RedisClient client, RedisURI uri,
			Duration timeout) {
		this.catalog = catalog;
		this.resources = resources;
		this.client = client;
		this.uri = uri;
		this.timeout = timeout;
	}

	/** A connector for the named catalog; nothing is opened yet. */
	static RedisConnector create(String catalog, RedisCatalogProperties properties) {
		Duration timeout = properties.timeout();
		ClientResources resources = DefaultClientResources.builder()
			.reconnectDelay(Delay.exponential(Duration.ofMillis(10), timeout, 2, TimeUnit.MILLISECONDS))
			.build();
		RedisURI uri = RedisURI.create(properties.uri());
		uri.setTimeout(timeout);
		RedisClient client = RedisClient.create(resources);
		client.setOptions(ClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
			.timeoutOptions(TimeoutOptions.enabled(timeout))
			.build());
		return new RedisConnector(catalog, resources, client, uri, timeout);
	}

	/** Run one command returning at most one value. */
	<T> Mono<T> mono(Function<RedisReactiveCommands<String, String>, Mono<T>> command) {
		return commands().flatMap(command).onErrorMap(this::translate);
	}

	/** Run commands returning several values; commands issued together are pipelined. */
	<T> Flux<T> flux(Function<RedisReactiveCommands<String, String>, Flux<T>> command) {
		return commands().flatMapMany(command).onErrorMap(this::translate);
	}

	/** Run a script by digest, sending its source only if the server does not know it; emits its array reply. */
	Mono<List<Object>> run(RedisScript script, String[] keys, String... args) {
		// the reactive API emits a multi-bulk script reply as one List element
		return mono(commands -> commands.<List<Object>>evalsha(script.sha(), ScriptOutputType.MULTI, keys, args)
			.onErrorResume(RedisNoScriptException.class,
					ex -> commands.<List<Object>>eval(script.source(), ScriptOutputType.MULTI, keys, args))
			.next()
			.defaultIfEmpty(List.of()));
	}

	/** Close the connection and release the client's threads. */
	Mono<Void> close() {
		return Mono.fromRunnable(() -> {
			CompletableFuture<StatefulRedisConnection<String, String>> current = this.connection.getAndSet(null);
			if (current != null && current.isDone() && !current.isCompletedExceptionally()) {
				current.join().close();
			}
			this.client.shutdown(Duration.ZERO, this.timeout);
			this.resources.shutdown(0, this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		});
	}

	private Mono<RedisReactiveCommands<String, String>> commands() {
		return Mono.defer(() -> {
			CompletableFuture<StatefulRedisConnection<String, String>> current = this.connection.get();
			if (current == null || current.isCompletedExceptionally()) {
				CompletableFuture<StatefulRedisConnection<String, String>> fresh = this.client
					.connectAsync(StringCodec.UTF8, this.uri)
					.toCompletableFuture();
				current = this.connection.compareAndSet(current, fresh) ? fresh : this.connection.get();
				if (current != fresh) {
					// another caller raced us to connect: use its connection, drop ours
					fresh.thenAccept(StatefulRedisConnection::closeAsync);
				}
				if (current == null) {
					return Mono.error(new CatalogUnavailableException(this.catalog, new IllegalStateException("closed")));
				}
			}
			return Mono.fromFuture(current, true).map(StatefulRedisConnection::reactive);
		});
	}

	/** The catalog's exception for a failure of a Redis call. */
	Throwable translate(Throwable error) {
		if (error instanceof CatalogException) {
			return error;
		}
		if (error instanceof RedisCommandExecutionException ex) {
			String message = String.valueOf(ex.getMessage());
			String code = message.split(" ", 2)[0];
			return TRANSIENT_ERRORS.contains(code) ? new CatalogUnavailableException(this.catalog, ex)
					: new CatalogException("catalog '" + this.catalog + "': Redis refused a command", ex);
		}
		if (error instanceof RedisException || error instanceof IOException || error instanceof TimeoutException) {
			return new CatalogUnavailableException(this.catalog, error);
		}
		return error;
	}
}
