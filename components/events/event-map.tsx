"use client";
// The map of the filtered events, fetched apart from the list (/api/events/map, lib/events/map-svg.ts):
// paging through the list keeps the map it has, since the filters (and so the map) are the same.
import { useEffect, useState } from "react";
import { MAP_HEIGHT, MAP_LIMIT, MAP_WIDTH } from "@/lib/events/map-constants";

type State = { src: string; svg?: string; empty?: boolean; failed?: boolean };

export function EventMap({ src }: { src: string }) {
  const [state, setState] = useState<State>({ src });
  useEffect(() => {
    let live = true;
    fetch(src, { credentials: "same-origin" })
      .then(async (res) => {
        if (!live) return;
        if (res.status === 204) setState({ src, empty: true });
        else if (!res.ok) setState({ src, failed: true });
        else {
          const svg = await res.text();
          if (live) setState({ src, svg });
        }
      })
      .catch(() => live && setState({ src, failed: true }));
    return () => {
      live = false;
    };
  }, [src]);

  const current = state.src === src ? state : { src };
  if (current.empty) return <p className="muted">No event with coordinates matches these filters.</p>;
  return (
    <figure style={{ margin: "0.5rem 0" }}>
      {current.svg ? (
        // Our own server's drawing, every text in it escaped (lib/markup.ts).
        <div className="event-map-frame" data-testid="event-map" dangerouslySetInnerHTML={{ __html: current.svg }} />
      ) : (
        <div className="event-map-frame map-waiting" style={{ aspectRatio: `${MAP_WIDTH} / ${MAP_HEIGHT}` }} role="status">
          {current.failed ? (
            <span>The map could not be loaded; reload the page to try again.</span>
          ) : (
            <span className="muted">Drawing the map…</span>
          )}
        </div>
      )}
      <figcaption className="muted small">
        At most the newest {MAP_LIMIT.toLocaleString("en")} matching events. Events within about 10 km are one circle; its size grows with the events and the people killed there.
      </figcaption>
    </figure>
  );
}
