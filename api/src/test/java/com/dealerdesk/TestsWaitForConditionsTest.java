package com.dealerdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests wait for the condition they need (a latch, a sink, a row, an announcement on the
 * page, {@code waitFor}), never for a fixed time: a delay is too short on a loaded
 * machine and too long everywhere else. This guards the API's tests and the web app's
 * unit and browser tests.
 */
class TestsWaitForConditionsTest {

	private static final Pattern JAVA_DELAY = Pattern.compile(
			"Thread\\.sleep\\(|\\.sleep\\(|\\.delayElements?\\(|Mono\\.delay\\(|Flux\\.interval\\(|\\.delaySubscription\\(");

	// a bare setTimeout( schedules a delay; Playwright's test.setTimeout( only raises a
	// limit
	private static final Pattern WEB_DELAY = Pattern.compile("waitForTimeout\\(|(?<![.\\w])setTimeout\\(|\\bsleep\\(");

	@Test
	void apiTestsHaveNoFixedDelays() {
		assertThat(linesMatching(Path.of("src/test/java"), ".java", JAVA_DELAY)).isEmpty();
	}

	@Test
	void webTestsHaveNoFixedDelays() {
		Path web = Path.of("..", "web-ui");
		List<String> found = Stream
			.of(linesMatching(web.resolve("e2e"), ".ts", WEB_DELAY),
					linesMatching(web.resolve("src"), ".test.ts", WEB_DELAY),
					linesMatching(web.resolve("src"), ".test.tsx", WEB_DELAY),
					linesMatching(web.resolve("src/testing"), ".ts", WEB_DELAY),
					linesMatching(web.resolve("src/testing"), ".tsx", WEB_DELAY))
			.flatMap(List::stream)
			.toList();
		assertThat(web.resolve("e2e")).isDirectory();
		assertThat(found).isEmpty();
	}

	private static List<String> linesMatching(Path root, String suffix, Pattern delay) {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(file -> file.toString().endsWith(suffix))
				.filter(file -> !file.getFileName().toString().equals("TestsWaitForConditionsTest.java"))
				.flatMap(file -> numberedLines(file).filter(line -> delay.matcher(line).find())
					.map(line -> file + ":" + line))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Stream<String> numberedLines(Path file) {
		try {
			List<String> lines = Files.readAllLines(file);
			return IntStream.range(0, lines.size()).mapToObj(i -> (i + 1) + ": " + lines.get(i));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
