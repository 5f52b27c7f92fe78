import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DailyReport, DailyReportQuery, IncidentSeriesQuery, READ_ERRORS, Responses, SECURITY, Series } from '@parley/contracts';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { dailyReportCsv } from '../../domain/monitoring/daily-report.ts';
import { dailyReport } from '../../use-cases/monitoring/daily-report.ts';
import { incidentSeries } from '../../use-cases/monitoring/incident-series.ts';
import type { MonitoringDeps } from '../../use-cases/ports.ts';
import { dailyReportHtml } from '../daily-report.html.ts';
import { ProcessParams } from './records.routes.ts';

/** The incident series (for charts) and the daily report as data (JSON), as a spreadsheet (CSV, by ?format=csv or Accept: text/csv) and as a printable page. */
export async function reportsRoutes(server: FastifyInstance, deps: MonitoringDeps) {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/processes/:processId/reports/daily',
    {
      schema: {
        tags: ['reports'],
        operationId: 'getDailyReport',
        security: SECURITY.optional,
        response: Responses(
          {
            200: {
              description: 'the daily report as JSON, CSV or a printable page',
              content: { 'application/json': { schema: DailyReport }, 'text/csv': { schema: Type.String() }, 'text/html': { schema: Type.String() } },
            },
          },
          READ_ERRORS,
        ),
        summary: 'The daily monitoring report: per region, against the previous day',
        params: ProcessParams,
        querystring: DailyReportQuery,
      },
    },
    async (req, reply) => {
      const { processId } = req.params;
      const { date, format } = req.query;
      const report = await dailyReport(deps, req.actor, processId, date);
      const wanted =
        format ??
        (/\btext\/csv\b/.test(req.headers.accept ?? '')
          ? 'csv'
          : /\btext\/html\b/.test(req.headers.accept ?? '') && !/json/.test(req.headers.accept ?? '')
            ? 'html'
            : 'json');
      if (wanted === 'csv')
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `inline; filename="${processId}-daily-${date}.csv"`)
          .send(dailyReportCsv(report));
      if (wanted === 'html') {
        const names = (await deps.store.reader.processes()).find((p) => p.id === processId)?.names as { en?: string } | undefined;
        return reply
          .type('text/html; charset=utf-8')
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
          .send(dailyReportHtml(report, names?.en ?? processId));
      }
      return report;
    },
  );

  app.get(
    '/api/processes/:processId/incidents/series',
    {
      schema: {
        tags: ['reports'],
        operationId: 'getIncidentSeries',
        security: SECURITY.optional,
        response: Responses({ 200: Series }, READ_ERRORS),
        summary: 'Incidents and killed (low/best/high) per day or ISO week, for the incidents you may see',
        params: ProcessParams,
        querystring: IncidentSeriesQuery,
      },
    },
    async (req) => incidentSeries(deps, req.actor, req.params.processId, req.query),
  );
}
