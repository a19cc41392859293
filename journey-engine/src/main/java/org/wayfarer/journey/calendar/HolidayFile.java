package org.wayfarer.journey.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One holiday-cn year file, parsed and checked on its own (agreement with the other years is
 * {@link HolidayCalendar}'s job).
 *
 * <p>The format is holiday-cn's, unchanged: {@code {"year": 2026, "papers": [url...], "days": [{"name": "元旦",
 * "date": "2026-01-01", "isOffDay": true}, ...]}}; other keys ({@code $schema}, {@code $id}) are ignored. A file may
 * hold dates of the December before its year, because a notice can move a working day there (2019.json lists
 * 2018-12-29 as a make-up workday); any other year is an error. A file whose {@code papers} and {@code days} are both
 * empty is holiday-cn's placeholder for a year whose notice is not out yet: it is kept, but it is not "published" and
 * must never read as "a year without holidays".
 */
final class HolidayFile {

    /** A year file is a few kilobytes; anything far larger is not one, and is refused before parsing. */
    static final int MAX_BYTES = 256 * 1024;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** One entry of {@code days}: the holiday's name and whether the date is off ({@code false}: worked). */
    record Day(String name, boolean offDay) {
    }

    private final int year;
    private final boolean published;
    private final Map<LocalDate, Day> days;
    private final byte[] bytes;

    private HolidayFile(int year, boolean published, Map<LocalDate, Day> days, byte[] bytes) {
        this.year = year;
        this.published = published;
        this.days = Collections.unmodifiableMap(days);
        this.bytes = bytes;
    }

    int year() {
        return year;
    }

    /** False for a placeholder: no papers and no days. */
    boolean published() {
        return published;
    }

    /** The file's entries by date, sorted; an entry listed twice with the same flag appears once. */
    Map<LocalDate, Day> days() {
        return days;
    }

    /** The bytes as given (this object's own copy: never hand it out without cloning). */
    byte[] bytes() {
        return bytes;
    }

    /** @throws InvalidHolidayCalendarException naming the file's year (when known) and the offending entry */
    static HolidayFile parse(byte[] json) {
        Objects.requireNonNull(json, "json");
        if (json.length > MAX_BYTES) {
            throw invalid("holiday file of " + json.length + " bytes is refused: a year file is at most "
                    + MAX_BYTES + " bytes");
        }
        byte[] copy = json.clone();
        JsonNode root;
        try {
            root = MAPPER.readTree(copy);
        } catch (JacksonException e) {
            throw invalid("holiday file is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw invalid("holiday file is not a JSON object");
        }
        JsonNode yearNode = root.get("year");
        if (yearNode == null || !yearNode.isIntegralNumber() || !yearNode.canConvertToInt()
                || yearNode.intValue() < 1900 || yearNode.intValue() > 2999) {
            throw invalid("holiday file has no usable 'year': expected an integer from 1900 to 2999, found "
                    + describe(yearNode));
        }
        int year = yearNode.intValue();
        String file = "holiday file " + year;
        int papers = countPapers(root.get("papers"), file);
        JsonNode list = root.get("days");
        if (list == null || !list.isArray()) {
            throw invalid(file + ": 'days' must be a list, found " + describe(list));
        }
        Map<LocalDate, Day> days = new TreeMap<>();
        Map<LocalDate, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String entry = file + ": days[" + i + "]";
            JsonNode node = list.get(i);
            if (!node.isObject()) {
                throw invalid(entry + " must be an object, found " + describe(node));
            }
            LocalDate date = date(node.get("date"), year, entry);
            Day day = new Day(name(node.get("name"), entry + " (" + date + ")"), offDay(node.get("isOffDay"),
                    entry + " (" + date + ")"));
            Day earlier = days.putIfAbsent(date, day);
            if (earlier == null) {
                firstIndex.put(date, i);
            } else if (earlier.offDay() != day.offDay()) {
                throw invalid(entry + ": " + date + " is listed twice with different isOffDay: days["
                        + firstIndex.get(date) + "] says " + earlier.offDay() + ", this entry says " + day.offDay());
            }
        }
        return new HolidayFile(year, papers > 0 || !days.isEmpty(), days, copy);
    }

    private static int countPapers(JsonNode papers, String file) {
        if (papers == null) {
            return 0;
        }
        if (!papers.isArray()) {
            throw invalid(file + ": 'papers' must be a list of URLs, found " + describe(papers));
        }
        for (int i = 0; i < papers.size(); i++) {
            if (!papers.get(i).isString()) {
                throw invalid(file + ": papers[" + i + "] must be a string, found " + describe(papers.get(i)));
            }
        }
        return papers.size();
    }

    private static LocalDate date(JsonNode node, int year, String entry) {
        if (node == null || !node.isString()) {
            throw invalid(entry + ": 'date' must be a string yyyy-MM-dd, found " + describe(node));
        }
        LocalDate date;
        try {
            date = LocalDate.parse(node.stringValue());
        } catch (DateTimeParseException e) {
            throw invalid(entry + ": 'date' " + describe(node) + " is not a valid date yyyy-MM-dd");
        }
        if (date.getYear() != year && date.getYear() != year - 1) {
            throw invalid(entry + ": " + date + " is outside " + (year - 1) + ".." + year
                    + " (a year file holds its own year and, for moved working days, the one before)");
        }
        return date;
    }

    private static String name(JsonNode node, String entry) {
        if (node == null || !node.isString() || node.stringValue().isBlank()) {
            throw invalid(entry + ": 'name' must be a non-empty string, found " + describe(node));
        }
        return node.stringValue();
    }

    private static boolean offDay(JsonNode node, String entry) {
        if (node == null || !node.isBoolean()) {
            throw invalid(entry + ": 'isOffDay' must be true or false, found " + describe(node));
        }
        return node.booleanValue();
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String text = node.toString();
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    private static InvalidHolidayCalendarException invalid(String message) {
        return new InvalidHolidayCalendarException(message);
    }
}
