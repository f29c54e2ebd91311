package io.catalogs.api.mapping;

/**
 * A field mapping (shipped or configured) that cannot work, found at startup: the message starts
 * with the key that is wrong ({@code catalogs.instances.stripe.mapping.customer.phone.path}).
 */
public class InvalidMappingException extends IllegalStateException {

	public InvalidMappingException(String key, String problem) {
		super(key + ": " + problem);
	}
}
