package org.wayfarer.journey.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable snapshot of mainland China's working calendar, built from holiday-cn year files (one per year; see
 * {@link HolidayFile} for the format and what a single file may hold).
 *
 * <p>Days are indexed by date across all files, never by file name, because a year's notice can move a working day
 * into the December before it. Two files that disagree about a date make the whole calendar invalid: one of them is
 * wrong, and guessing which would silently send on a holiday or hold messages on a working day.
 *
 * <p>Coverage: a date is {@linkplain #covers covered} when its year has a published file. Outside coverage the
 * weekday rule applies (Monday to Friday work, Saturday and Sunday off), which is also what {@link #dayType} answers
 * there; explicit entries are honoured wherever they fall. A placeholder file (no papers, no days) does not extend
 * coverage: "no notice yet" is not "no holidays".
 *
 * <p>Thread-safe: nothing in it changes after construction. To change a year, {@link #withYear} returns a new
 * calendar and leaves this one as it was.
 */
public final class HolidayCalendar {

    /** Classpath folder of the bundled files, named by year. */
    public static final String BUNDLED_FOLDER = "holidays/cn/";
    private static final List<Integer> BUNDLED_YEARS = List.of(2025, 2026);

    private final Map<Integer, HolidayFile> files;
    private final Map<LocalDate, HolidayFile.Day> days;
    private final SortedSet<Integer> publishedYears;
    private final String version;

    private HolidayCalendar(Map<Integer, HolidayFile> byYear) {
        this.files = Collections.unmodifiableMap(new TreeMap<>(byYear));
        this.days = Collections.unmodifiableMap(merge(files.values()));
        SortedSet<Integer> published = new TreeSet<>();
        files.values().stream().filter(HolidayFile::published).forEach(f -> published.add(f.year()));
        if (published.isEmpty()) {
            throw new InvalidHolidayCalendarException("no published year among holiday files " + files.keySet()
                    + ": a calendar must cover at least one year (placeholders have no papers and no days)");
        }
        this.publishedYears = Collections.unmodifiableSortedSet(published);
        this.version = digest(files.values());
    }

    /** The calendar shipped with Wayfarer: {@code holidays/cn/2025.json} and {@code 2026.json} on the classpath. */
    public static HolidayCalendar bundled() {
        return Bundled.CALENDAR;
    }

    /**
     * A calendar from the given year files, for instance the ones an admin API persisted from {@link #files()}.
     *
     * @throws InvalidHolidayCalendarException if a file is invalid, two files have the same year, two files disagree
     *         about a date, or no file is published
     */
    public static HolidayCalendar fromFiles(Collection<byte[]> jsonFiles) {
        Map<Integer, HolidayFile> byYear = new HashMap<>();
        for (byte[] json : jsonFiles) {
            HolidayFile file = HolidayFile.parse(json);
            if (byYear.putIfAbsent(file.year(), file) != null) {
                throw new InvalidHolidayCalendarException("two holiday files for the year " + file.year());
            }
        }
        return new HolidayCalendar(byYear);
    }

    /**
     * A new calendar with the given year file added, or replacing the file of the same year; this calendar is not
     * changed. A placeholder may stand in for a year not yet published, but never replaces a published year, since
     * uploading holiday-cn's empty template by mistake would silently erase that year's holidays.
     *
     * @throws InvalidHolidayCalendarException naming the file's year and the bad field or date, or the other file
     *         it disagrees with
     */
    public HolidayCalendar withYear(byte[] json) {
        HolidayFile file = HolidayFile.parse(json);
        HolidayFile old = files.get(file.year());
        if (!file.published() && old != null && old.published()) {
            throw new InvalidHolidayCalendarException("holiday file " + file.year() + " is a placeholder (no papers,"
                    + " no days) and would replace the published " + file.year() + "; build the calendar with"
                    + " fromFiles without that year to drop it deliberately");
        }
        Map<Integer, HolidayFile> next = new HashMap<>(files);
        next.put(file.year(), file);
        return new HolidayCalendar(next);
    }

    /** The date's type: its explicit entry if it has one, else the weekday rule. */
    public DayType dayType(LocalDate date) {
        HolidayFile.Day day = days.get(Objects.requireNonNull(date, "date"));
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (day == null) {
            return weekend ? DayType.WEEKEND : DayType.WORKDAY;
        }
        if (day.offDay()) {
            return DayType.HOLIDAY;
        }
        // A worked entry on a weekday is legal (2020's notice had one): it is simply a working day.
        return weekend ? DayType.MAKEUP_WORKDAY : DayType.WORKDAY;
    }

    /** {@link DayType#WORKDAY} or {@link DayType#MAKEUP_WORKDAY}. */
    public boolean isWorkingDay(LocalDate date) {
        return dayType(date).isWorkingDay();
    }

    /** An off day of a statutory holiday ({@link DayType#HOLIDAY}); ordinary weekends are not holidays. */
    public boolean isHoliday(LocalDate date) {
        return dayType(date) == DayType.HOLIDAY;
    }

    /** The holiday-cn name of the date's entry ("春节"), empty for a date without one. */
    public Optional<String> holidayName(LocalDate date) {
        return Optional.ofNullable(days.get(Objects.requireNonNull(date, "date"))).map(HolidayFile.Day::name);
    }

    /** Whether the date's year has a published file; if not, the weekday rule decides (bar explicit entries). */
    public boolean covers(LocalDate date) {
        return publishedYears.contains(date.getYear());
    }

    /** December 31 of the latest published year. A year gap before it is possible: see {@link #covers}. */
    public LocalDate coverageEnd() {
        return LocalDate.of(publishedYears.last(), 12, 31);
    }

    /**
     * {@code "cn@"} and the first 12 hex digits of a SHA-256 over the files in year order (each as its year, its
     * length and its bytes as given), so any change to any file, placeholders included, gives a new version.
     */
    public String version() {
        return version;
    }

    /** The years that have a file, placeholders included, ascending. */
    public Set<Integer> years() {
        return files.keySet();
    }

    /** The years whose file is published (not a placeholder), ascending. */
    public Set<Integer> publishedYears() {
        return publishedYears;
    }

    /** Each year's file as it was given, ascending by year; the arrays are copies, so an API may persist them. */
    public Map<Integer, byte[]> files() {
        Map<Integer, byte[]> copies = new LinkedHashMap<>();
        files.forEach((year, file) -> copies.put(year, file.bytes().clone()));
        return Collections.unmodifiableMap(copies);
    }

    @Override
    public String toString() {
        return "HolidayCalendar[" + version + ", years " + files.keySet() + ", coverage to " + coverageEnd() + "]";
    }

    /** All files' days by date; {@code files} come in year order, so the earlier file is named first on conflict. */
    private static Map<LocalDate, HolidayFile.Day> merge(Collection<HolidayFile> files) {
        Map<LocalDate, HolidayFile.Day> merged = new TreeMap<>();
        Map<LocalDate, Integer> source = new HashMap<>();
        for (HolidayFile file : files) {
            file.days().forEach((date, day) -> {
                HolidayFile.Day other = merged.putIfAbsent(date, day);
                if (other == null) {
                    source.put(date, file.year());
                } else if (other.offDay() != day.offDay()) {
                    throw new InvalidHolidayCalendarException("holiday file " + file.year() + " disagrees with"
                            + " holiday file " + source.get(date) + " on " + date + ": " + file.year() + " says "
                            + kind(day) + ", " + source.get(date) + " says " + kind(other));
                }
            });
        }
        return merged;
    }

    private static String kind(HolidayFile.Day day) {
        return day.offDay() ? "off (isOffDay true)" : "worked (isOffDay false)";
    }

    private static String digest(Collection<HolidayFile> files) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        for (HolidayFile file : files) {
            sha256.update((file.year() + "\n" + file.bytes().length + "\n").getBytes(StandardCharsets.US_ASCII));
            sha256.update(file.bytes());
        }
        return "cn@" + HexFormat.of().formatHex(sha256.digest()).substring(0, 12);
    }

    /** Loaded on first use and shared: the bundled files never change while the application runs. */
    private static final class Bundled {
        static final HolidayCalendar CALENDAR = load();

        private static HolidayCalendar load() {
            List<byte[]> files = new ArrayList<>();
            for (int year : BUNDLED_YEARS) {
                String path = BUNDLED_FOLDER + year + ".json";
                try (InputStream in = HolidayCalendar.class.getClassLoader().getResourceAsStream(path)) {
                    if (in == null) {
                        throw new IllegalStateException("bundled holiday file " + path + " is not on the classpath");
                    }
                    files.add(in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read bundled holiday file " + path, e);
                }
            }
            return fromFiles(files);
        }
    }
}
