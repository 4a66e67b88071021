import {
  ZDtiPublicRanking,
  ZDtiPublicRoundList,
  ZDtiPublicRoundQuery,
  ZDtiRoundParams,
} from "@dtplan/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { requestLang } from "../../i18n/error-text.ts";
import { readPublic } from "../public/public-cache.ts";
import { findPublishedRound, publishedRounds, type RoundRow } from "./dti.repository.ts";
import { roundNotFound } from "./dti-access.ts";
import { roundRanking } from "./ranking.ts";

const RATE_LIMIT = {
  max: 300,
  timeWindow: 60_000,
  errorResponseBuilder: () =>
    new AppError("rate_limited", "Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút."),
};

const present = (r: RoundRow & { provinceName: string; unitCount: number }) => ({
  id: r.id,
  name: r.name,
  year: r.year,
  province: { id: r.tenantId, name: r.provinceName },
  framework: { id: r.frameworkId, code: r.frameworkCode, year: r.frameworkYear, name: r.frameworkName },
  publishedAt: r.publishedAt ?? "",
  units: r.unitCount,
});

/** Kết quả DTI đã công bố (trang công khai): verified scores only, no evidence, no comments. */
export async function dtiPublicRoutes(
  app: FastifyInstance,
  { db, config }: { db: Database; config: AppConfig },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = <T>(fn: (tx: Database) => Promise<T>) => readPublic(db, config.publicPages.timeoutMs, fn);

  r.get(
    "/dti/public/rounds",
    {
      config: { access: "public", rateLimit: RATE_LIMIT },
      schema: {
        tags: ["public"],
        summary: "Các đợt đánh giá DTI đã công bố (công khai)",
        description: "Không cần đăng nhập. `province`: mã định danh của tỉnh (bỏ trống: mọi tỉnh).",
        querystring: ZDtiPublicRoundQuery,
        response: { 200: ZDtiPublicRoundList },
      },
    },
    async (request) => ({
      rounds: (await read((tx) => publishedRounds(tx, request.query.province ?? null))).map(present),
    }),
  );

  r.get(
    "/dti/public/rounds/:id/ranking",
    {
      config: { access: "public", rateLimit: RATE_LIMIT },
      schema: {
        tags: ["public"],
        summary: "Xếp hạng DTI đã công bố (công khai)",
        description:
          "Không cần đăng nhập. `province` (mã định danh của tỉnh, nên gửi kèm) giới hạn việc tìm đợt trong tỉnh đó. Chỉ điểm đã thẩm định của đợt đã công bố: tổng điểm, chuẩn hóa 0–1, thứ hạng, theo trụ cột và chỉ số chính, thay đổi so với năm trước. Không có minh chứng, nhận xét hay điểm tự đánh giá.",
        params: ZDtiRoundParams,
        querystring: ZDtiPublicRoundQuery,
        response: { 200: ZDtiPublicRanking },
      },
    },
    async (request) =>
      read(async (tx) => {
        const round = await findPublishedRound(tx, request.params.id, request.query.province ?? null);
        if (!round) throw roundNotFound();
        const [heading] = (await publishedRounds(tx, round.tenantId)).filter((x) => x.id === round.id);
        if (!heading) throw roundNotFound();
        const ranking = await roundRanking(tx, round, requestLang(request));
        return {
          round: present(heading),
          basis: ranking.basis,
          pillars: ranking.pillars,
          indices: ranking.indices,
          rows: ranking.rows.map(({ status: _s, provisional: _p, ...row }) => row),
        };
      }),
  );
}
