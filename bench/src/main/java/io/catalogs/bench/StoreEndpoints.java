package io.catalogs.bench;

import java.time.Duration;

import io.r2dbc.spi.ConnectionFactoryOptions;
import tools.jackson.databind.JsonNode;

/**
 * Where the gateway's stores listen: given by options, else read from the gateway's
 * {@code /actuator/info} (the embedded default publishes its stores there under {@code embedded}).
 *
 * @param postgresUrl R2DBC URL of the primary (and the control store)
 * @param postgresUsername its user
 * @param postgresPassword its password
 * @param mongoUri URI of the {@code mongo} catalog
 * @param redisUri URI of the {@code redis} catalog
 */
record StoreEndpoints(String postgresUrl, String postgresUsername, String postgresPassword, String mongoUri,
		String redisUri) {

	/** The endpoints of the options, with the gaps filled from the gateway's info endpoint. */
	static StoreEndpoints resolve(BenchOptions options, GatewayHttp gateway) {
		String postgres = options.postgresUrl();
		String username = options.postgresUsername();
		String mongo = options.mongoUri();
		String redis = options.redisUri();
		if (postgres == null || mongo == null || redis == null) {
			JsonNode embedded = gateway.actuator("/actuator/info").block(Duration.ofSeconds(10)).path("embedded");
			if (embedded.isMissingNode()) {
				throw new IllegalStateException("the gateway's /actuator/info shows no embedded stores: give "
						+ "--postgres-url, --mongo-uri and --redis-uri");
			}
			postgres = (postgres != null) ? postgres : embedded.path("postgres").path("r2dbc-url").asString();
			if (options.postgresUrl() == null) {
				username = embedded.path("postgres").path("username").asString();
			}
			mongo = (mongo != null) ? mongo : embedded.path("mongo").path("uri").asString();
			redis = (redis != null) ? redis : embedded.path("redis").path("uri").asString();
		}
		return new StoreEndpoints(postgres, username, options.postgresPassword(), mongo, redis);
	}

	/** The port of the primary's URL, or -1 when it names none. */
	int postgresPort() {
		Object port = ConnectionFactoryOptions.parse(this.postgresUrl).getValue(ConnectionFactoryOptions.PORT);
		return (port instanceof Integer value) ? value : -1;
	}

	@Override
	public String toString() {
		return "StoreEndpoints[postgres=" + this.postgresUrl + ", mongo=" + this.mongoUri + ", redis=" + this.redisUri
				+ "]";
	}
}
