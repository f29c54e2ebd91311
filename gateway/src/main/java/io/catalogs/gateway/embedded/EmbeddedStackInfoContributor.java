package io.catalogs.gateway.embedded;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Shows where the stores of the embedded default listen, under {@code embedded} in
 * {@code /actuator/info}, so that tools running beside the gateway (the benchmarks' raw-driver floor
 * and convergence checks) can reach the same stores. Holds no secret: the embedded PostgreSQL trusts
 * local connections and the other stores have no authentication. Present only on the embedded default.
 */
@Component
@ConditionalOnProperty(name = "catalogs.embedded.active", havingValue = "true")
class EmbeddedStackInfoContributor implements InfoContributor {

	@Override
	public void contribute(Info.Builder builder) {
		EmbeddedStack stack = EmbeddedStack.shared();
		Map<String, Object> postgres = new LinkedHashMap<>();
		postgres.put("r2dbc-url", stack.postgresR2dbcUrl());
		postgres.put("jdbc-url", stack.postgresJdbcUrl());
		postgres.put("username", stack.postgresUser());
		Map<String, Object> stores = new LinkedHashMap<>();
		stores.put("postgres", postgres);
		stores.put("mongo", Map.of("uri", stack.mongoUri()));
		stores.put("redis", Map.of("uri", stack.redisUri()));
		builder.withDetail("embedded", stores);
	}
}
