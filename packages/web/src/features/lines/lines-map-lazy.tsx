import { lazy, Suspense, type ComponentProps } from 'react';
import { Loading } from '../../ui/common.tsx';

// MapLibre is about a megabyte of the app: it loads with the first map a reader opens, not with every page.
const Map = lazy(() => import('./lines-map.tsx').then((m) => ({ default: m.LinesMap })));

export function LinesMap(props: ComponentProps<typeof Map>) {
  return (
    <Suspense fallback={<Loading />}>
      <Map {...props} />
    </Suspense>
  );
}
