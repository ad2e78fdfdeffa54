/** Plan files used by the git tests, written as a clerk would. */

export const PLAN_A = `kind: plan
id: ctr-a
type: program
number: 39-KH/BTGTU-BDVTU
title: Chương trình phối hợp về công tác dân vận, công tác tuyên giáo giai đoạn 2022 - 2026
signed: 2022-05-12
period: 2022..2026
parties: [btg-tu, bdv-tu]
contents:
  - { id: quan-triet, title: "Tuyên truyền, quán triệt các nghị quyết" }
tasks:
  - id: bao-cao-nam-2022
    title: Báo cáo kết quả thực hiện năm 2022
    type: report
    lead: bdv-tu
    support: [btg-tu]
    due: 2022-12-15
  - id: giao-ban-quy
    title: Giao ban quý giữa hai Ban
    type: briefing
    lead: bdv-tu
    every: quarter
    offset: 15
    log:
      2022-Q2: 2022-07-14
  - id: so-ket
    title: Sơ kết giữa kỳ
    type: interim-review
    lead: btg-tu
    due: 2024-06-30
`;

/** PLAN_A after a quarter's work: written anew (tasks reordered, signed in D/M/YYYY) to show that form is not content. */
export const PLAN_A_DONE = `kind: plan
id: ctr-a
title: Chương trình phối hợp về công tác dân vận, công tác tuyên giáo giai đoạn 2022 - 2026
type: program
number: 39-KH/BTGTU-BDVTU
signed: 12/5/2022
period: 2022..2026
parties: [bdv-tu, btg-tu]
contents:
  - id: quan-triet
    title: Tuyên truyền, quán triệt các nghị quyết
tasks:
  - id: so-ket
    title: Sơ kết giữa kỳ
    type: interim-review
    lead: btg-tu
    due: 31/7/2024
  - id: giao-ban-quy
    title: Giao ban quý giữa hai Ban
    type: briefing
    lead: bdv-tu
    every: quarter
    offset: 15
    log:
      2022-Q2: 14/7/2022
      2022-Q3: { done: 2022-10-13, results: { participants: 25 } }
  - id: bao-cao-nam-2022
    title: Báo cáo kết quả thực hiện năm 2022
    type: report
    lead: bdv-tu
    support: [btg-tu]
    due: 2022-12-15
    status: done
    done: 2022-12-10
`;

export const PLAN_B = `kind: plan
id: kh-b
type: plan
number: 12-KH/BDVTU-HNB
title: Kế hoạch phối hợp năm 2023
signed: 2023-01-10
period: 2023
parent: ctr-a
parties: [bdv-tu, hnb]
tasks:
  - id: hoi-thi
    title: Hội thi báo chí viết về Dân vận khéo
    type: event
    lead: hnb
    support: [bdv-tu]
    due: 2023-09-30
`;

export const PLAN_C = `kind: plan
id: kh-c
type: plan
title: Kế hoạch tuyên truyền năm 2022
signed: 2022-02-01
period: 2022
parties: [btg-tu, hnb]
tasks:
  - id: loat-bai
    title: Loạt bài tuyên truyền
    lead: hnb
    due: 2022-06-30
`;
