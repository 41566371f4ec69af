package com.dealerdesk.platform.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.dealerdesk.platform.security.Actor;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import graphql.language.AstPrinter;
import graphql.language.AstSorter;
import graphql.language.AstTransformer;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeVisitorStub;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.util.TreeTransformerUtil;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;

/**
 * Registered operations (persisted queries): the manifests of {@code sha256 → document}
 * the web app's build writes (and any added by configuration). A request may name one
 * Apollo-style, {@code extensions.persistedQuery.sha256Hash}, with its text or with the
 * text {@value #MARKER} instead; when partners are restricted to registered operations, a
 * partner's request runs only if it names a registered operation or its text is one
 * (compared after parsing, ignoring layout, order and {@code __typename}, which clients
 * such as urql add).
 */
class PersistedOperations implements WebGraphQlInterceptor {

	/** The text a request sends instead of the document when it names one by hash. */
	static final String MARKER = PersistedQuerySupport.PERSISTED_QUERY_MARKER;

	private final Map<String, String> byHash = new HashMap<>();

	private final Set<String> canonical = new HashSet<>();

	private final boolean partnersRegisteredOnly;

	PersistedOperations(PersistedOperationSettings settings, JsonMapper json) {
		this.partnersRegisteredOnly = settings.partnersRegisteredOnly();
		for (Resource manifest : settings.manifests()) {
			try (InputStream in = manifest.getInputStream()) {
				Map<String, String> operations = json.readValue(in, new TypeReference<Map<String, String>>() {
				});
				operations.forEach((hash, document) -> {
					this.byHash.put(withoutPrefix(hash), document);
					this.canonical.add(canonical(document));
				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the persisted operations in " + manifest, ex);
			}
		}
	}

	/** How many operations are registered. */
	int size() {
		return this.byHash.size();
	}

	/** The registered documents by their sha256 (hex). */
	Map<String, String> byHash() {
		return Map.copyOf(this.byHash);
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		String hash = hashOf(request.getExtensions());
		String registered = (hash != null) ? this.byHash.get(hash) : null;
		if (hash != null && MARKER.equals(request.getDocument())) {
			if (registered == null) {
				return Refusals.answer(request, GraphQlErrors.refusal("PERSISTED_QUERY_NOT_FOUND",
						"No operation is registered with that sha256Hash; send the document itself.", Map.of()));
			}
			request.configureExecutionInput((input, builder) -> builder.query(registered).build());
			return chain.next(request);
		}
		if (registered != null) {
			if (!canonical(registered).equals(canonicalOrNull(request.getDocument()))) {
				return Refusals.answer(request, GraphQlErrors.refusal("PERSISTED_QUERY_HASH_MISMATCH",
						"The document is not the registered operation of that sha256Hash.", Map.of()));
			}
			return chain.next(request);
		}
		if (!this.partnersRegisteredOnly) {
			return chain.next(request);
		}
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.map(Authentication::getPrincipal)
			.ofType(Actor.class)
			.filter(Actor::isPartner)
			.filter(partner -> !this.canonical.contains(canonicalOrNull(request.getDocument())))
			.flatMap(partner -> Refusals.answer(request,
					GraphQlErrors.refusal("PERSISTED_QUERY_NOT_ALLOWED",
							"Partners may run registered operations only; this one is not registered "
									+ "(docs/api.md, Persisted operations).",
							Map.of())))
			.switchIfEmpty(Mono.defer(() -> chain.next(request)));
	}

	/** The hash a request names, in hex (with or without the manifest's "sha256:"). */
	private static String hashOf(Map<String, Object> extensions) {
		if (extensions.get("persistedQuery") instanceof Map<?, ?> persisted
				&& persisted.get("sha256Hash") instanceof String hash) {
			return withoutPrefix(hash.toLowerCase());
		}
		return null;
	}

	private static String withoutPrefix(String hash) {
		return hash.startsWith("sha256:") ? hash.substring("sha256:".length()) : hash;
	}

	private static String canonicalOrNull(String document) {
		try {
			return canonical(document);
		}
		catch (InvalidSyntaxException ex) {
			// not an operation at all: validation answers it, if it may run
			return null;
		}
	}

	/** One text for documents that differ only in layout, order and __typename. */
	static String canonical(String document) {
		Document parsed = Parser.parse(document);
		Node<?> withoutTypename = new AstTransformer().transform(parsed, new NodeVisitorStub() {
			@Override
			public TraversalControl visitField(Field node, TraverserContext<Node> context) {
				return "__typename".equals(node.getName()) ? TreeTransformerUtil.deleteNode(context)
						: TraversalControl.CONTINUE;
			}
		});
		return AstPrinter.printAstCompact(new AstSorter().sort(withoutTypename));
	}

}
