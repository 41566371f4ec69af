package com.dealerdesk.platform.language;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Puts the request's language (from {@code Accept-Language}, see
 * {@link Languages#fromAcceptLanguage}) into the GraphQL context, where fields with
 * translated names take it as {@code @ContextValue String language}. Over WebSocket the
 * handshake's header counts.
 */
@Component
class LanguageContextInterceptor implements WebGraphQlInterceptor {

	/**
	 * The context key, matched by the parameter name of
	 * {@code @ContextValue String language}.
	 */
	static final String LANGUAGE = "language";

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		String language = Languages.fromAcceptLanguage(request.getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
		request.configureExecutionInput(
				(input, builder) -> builder.graphQLContext(context -> context.put(LANGUAGE, language)).build());
		return chain.next(request);
	}

}
