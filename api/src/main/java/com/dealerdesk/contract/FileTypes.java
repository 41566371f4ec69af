package com.dealerdesk.contract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;

/**
 * The type of an uploaded file as its content shows it (Apache Tika's magic numbers),
 * never as the client names it, and whether its name agrees.
 */
final class FileTypes {

	/** The accepted types and the file name extensions each may carry. */
	static final Map<String, Set<String>> ALLOWED = Map.ofEntries(Map.entry("application/pdf", Set.of("pdf")),
			Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Set.of("docx")),
			Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Set.of("xlsx")),
			Map.entry("application/msword", Set.of("doc")), Map.entry("application/vnd.ms-excel", Set.of("xls")),
			Map.entry("application/vnd.oasis.opendocument.text", Set.of("odt")),
			Map.entry("application/vnd.oasis.opendocument.spreadsheet", Set.of("ods")),
			Map.entry("image/png", Set.of("png")), Map.entry("image/jpeg", Set.of("jpg", "jpeg")),
			Map.entry("text/plain", Set.of("txt", "text", "csv", "md", "log")));

	private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();

	private FileTypes() {
	}

	/**
	 * The media type the content shows. Blocking (reads Tika's tables): not on the event
	 * loop.
	 */
	static String detect(byte[] content) {
		String type;
		try (TikaInputStream stream = TikaInputStream.get(content)) {
			type = TYPES.detect(stream, new Metadata()).getBaseType().toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return switch (type) {
			// Office Open XML is a zip whose parts tell a document from a workbook
			case "application/x-tika-ooxml", "application/zip" -> officeOpenXml(content, type);
			// the older binary formats are OLE2 files whose streams tell them apart
			case "application/x-tika-msoffice" -> contains(content, "WordDocument") ? "application/msword"
					: contains(content, "Workbook") ? "application/vnd.ms-excel" : type;
			default -> type;
		};
	}

	/**
	 * Whether the name's extension fits the type; a name without an extension always
	 * does.
	 */
	static boolean nameFits(String fileName, String type) {
		int dot = fileName.lastIndexOf('.');
		if (dot < 0 || dot == fileName.length() - 1) {
			return true;
		}
		return ALLOWED.getOrDefault(type, Set.of()).contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
	}

	private static String officeOpenXml(byte[] content, String detected) {
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().equals("word/document.xml")) {
					return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
				}
				if (entry.getName().equals("xl/workbook.xml")) {
					return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
				}
			}
			return detected;
		}
		catch (IOException ex) {
			return detected;
		}
	}

	/** Whether an OLE2 directory names the stream (names are UTF-16LE). */
	private static boolean contains(byte[] content, String streamName) {
		byte[] name = streamName.getBytes(StandardCharsets.UTF_16LE);
		outer: for (int i = 0; i <= content.length - name.length; i++) {
			for (int j = 0; j < name.length; j++) {
				if (content[i + j] != name[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
