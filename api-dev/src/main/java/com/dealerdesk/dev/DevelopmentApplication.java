package com.dealerdesk.dev;

import java.io.IOException;

import com.dealerdesk.DealerDeskApplication;
import com.dealerdesk.devidp.DevIdentityProvider;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * DealerDesk for development: what {@code ./dealerdesk run} and {@code test} start. One
 * JVM runs the development identity provider ({@link DevIdentityProvider}, its own
 * servlet context) and the API, which finds the embedded PostgreSQL and the demo data
 * (package {@code demo}) on this jar's classpath and its local defaults in
 * {@code config/application.yml}. {@code --idp-only} runs just the provider
 * (docker-compose). The production jar is {@link DealerDeskApplication} alone.
 */
public final class DevelopmentApplication {

	private DevelopmentApplication() {
	}

	public static void main(String[] args) {
		if (DevIdentityProvider.isIdpOnly(args)) {
			DevIdentityProvider.run(args);
			return;
		}
		if (DevIdentityProvider.shouldStartAlongsideApi()) {
			DevIdentityProvider.run(args);
		}
		new SpringApplicationBuilder(DealerDeskApplication.class)
			.initializers(context -> context.getBeanFactory()
				.registerSingleton("skipIdentityProvider", new SkipIdentityProvider()))
			.run(args);
	}

	/**
	 * Keeps the provider's configuration out of the API's component scan, which covers
	 * all of {@code com.dealerdesk}: the provider runs in its own context.
	 */
	static final class SkipIdentityProvider extends TypeExcludeFilter {

		private static final String PACKAGE = DevIdentityProvider.class.getPackageName() + ".";

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
			return reader.getClassMetadata().getClassName().startsWith(PACKAGE);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof SkipIdentityProvider;
		}

		@Override
		public int hashCode() {
			return SkipIdentityProvider.class.hashCode();
		}

	}

}
