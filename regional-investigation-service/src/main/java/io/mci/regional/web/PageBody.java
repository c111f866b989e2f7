package io.mci.regional.web;

import java.util.List;

/** An offset page: {@code {"items": [...], "total": n}}. */
public record PageBody<T>(List<T> items, long total) {
}
