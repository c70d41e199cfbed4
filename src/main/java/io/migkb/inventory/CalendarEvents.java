package io.migkb.inventory;

import net.fortuna.ical4j.data.CalendarParserFactory;
import net.fortuna.ical4j.data.DefaultContentHandler;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.data.UnfoldingReader;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.ObjIntConsumer;

/**
 * The events of an iCalendar file, handed over one at a time with the line of their {@code BEGIN:VEVENT}, as ical4j
 * parses them: one file may hold the calendars of thousands of organizers (hundreds of megabytes), which ical4j's
 * {@code CalendarBuilder} would hold whole as objects. Time zones ({@code VTIMEZONE}) are kept, for the events that
 * name them; each event is let go once handed over.
 */
final class CalendarEvents {
    private CalendarEvents() {
    }

    /** Hands {@code each} every top-level event of {@code path}, in order, with its line. */
    static void read(Path path, ObjIntConsumer<VEvent> each) throws IOException, ParserException {
        int[] lines = eventLines(path);
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Handler handler = new Handler(each, lines);
            CalendarParserFactory.getInstance().get().parse(new UnfoldingReader(reader), handler);
        }
    }

    /** The line of each BEGIN:VEVENT, in order: ical4j keeps no lines, and findings point at the event. */
    private static int[] eventLines(Path path) throws IOException {
        int[] lines = new int[64];
        int count = 0;
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                number++;
                if (line.strip().equalsIgnoreCase("BEGIN:VEVENT")) {
                    if (count == lines.length) {
                        lines = Arrays.copyOf(lines, count * 2);
                    }
                    lines[count++] = number;
                }
            }
        }
        return Arrays.copyOf(lines, count);
    }

    /** ical4j's own handler, but each finished top-level event goes to the consumer instead of into the calendar. */
    private static final class Handler extends DefaultContentHandler {
        private final ObjIntConsumer<VEvent> each;
        private final int[] lines;
        private int events;

        Handler(ObjIntConsumer<VEvent> each, int[] lines) {
            super(calendar -> { }, TimeZoneRegistryFactory.getInstance().createRegistry());
            this.each = each;
            this.lines = lines;
        }

        @Override
        public void endComponent(String name) {
            super.endComponent(name);
            int last = calendarComponents.size() - 1;
            if (components.isEmpty() && last >= 0 && calendarComponents.get(last) instanceof VEvent event) {
                CalendarComponent done = calendarComponents.remove(last);
                assert done == event;
                int line = events < lines.length ? lines[events] : 0;
                events++;
                each.accept(event, line);
            }
        }
    }
}
