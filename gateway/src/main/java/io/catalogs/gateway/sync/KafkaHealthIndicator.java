package io.catalogs.gateway.sync;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * Reports the Kafka cluster the sync pipeline uses in Actuator health (component {@code kafka}): UP
 * with the cluster id and broker count when {@code describeCluster} answers within the timeout,
 * DOWN otherwise. One admin client, created on first use and closed with the application.
 */
final class KafkaHealthIndicator implements ReactiveHealthIndicator, DisposableBean {

	private final Map<String, Object> adminConfig;

	private final Duration timeout;

	private AdminClient admin;

	KafkaHealthIndicator(Map<String, Object> adminConfig, Duration timeout) {
		this.adminConfig = new HashMap<>(adminConfig);
		this.timeout = timeout;
	}

	@Override
	public Mono<Health> health() {
		return Mono.defer(() -> {
			DescribeClusterResult cluster = admin()
				.describeCluster(new DescribeClusterOptions().timeoutMs((int) this.timeout.toMillis()));
			return Mono.fromFuture(cluster.clusterId().toCompletionStage().toCompletableFuture())
				.zipWith(Mono.fromFuture(cluster.nodes().toCompletionStage().toCompletableFuture()))
				.map((answer) -> Health.up()
					.withDetail("clusterId", answer.getT1())
					.withDetail("brokers", answer.getT2().size())
					.build());
		})
			.timeout(this.timeout.plusMillis(500))
			.onErrorResume((ex) -> Mono.just(Health.down().withDetail("error", "the cluster does not answer").build()));
	}

	private synchronized AdminClient admin() {
		if (this.admin == null) {
			this.admin = AdminClient.create(this.adminConfig);
		}
		return this.admin;
	}

	@Override
	public synchronized void destroy() {
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(5));
		}
	}
}
