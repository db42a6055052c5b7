// A small made-up dataset for the screening unit tests, so that their facts are their own and
// not the bundled data's (which changes as rulings do).
import type { Dataset, Ruling } from '../../src/core/dataset/schema';

const ruling = (id: string, authority: Ruling['authority'], effect: Ruling['effect'], binds: Ruling['binds'], since: string): Dataset['rulings'][number] => ({
  id,
  shortName: `Rule ${id}`,
  officialName: `The ${id} rule`,
  agency: `Agency of ${authority}`,
  authority,
  legalAuthority: 'Test Act',
  citations: [`${id.toUpperCase()} 1`, `${id.toUpperCase()} 2`],
  phases: [{ date: since, change: 'In force' }],
  prohibits: 'Things',
  effect,
  binds,
  status: { value: 'in-force', asOf: '2026-01-01' },
  lastVerified: '2026-01-01',
  summary: 'A summary.',
  forYou: { consumer: `For consumers: ${id}`, business: `For businesses: ${id}`, federalContractor: `For contractors: ${id}` },
  sources: [{ url: `https://example.gov/${id}`, title: `Rule ${id}`, publisher: 'Example', primary: true }],
});

export const testData: Pick<Dataset, 'rulings' | 'vendors' | 'notRestricted' | 'reportedLinks'> = {
  rulings: [
    ruling('sales', 'commerce', 'sales-ban', ['us-persons'], '2024-07-20'),
    ruling('equipment', 'fcc', 'equipment-authorization-ban', ['equipment-importers'], '2022-11-25'),
    ruling('exports', 'commerce', 'export-control', ['exporters'], '2020-01-01'),
  ],
  vendors: [
    { id: 'zorvex', name: 'Zorvex', legalNames: ['Zorvex Software Labs Ltd.'], country: 'RU', aliases: ['Zorvex Premium'], domains: [{ domain: 'zorvex.example', evidence: 'sourced' }], rulings: [{ ruling: 'sales' }] },
    { id: 'quillcam', name: 'Quillcam', legalNames: ['Hangzhou Quillcam Vision Co., Ltd.'], country: 'CN', aliases: ['Brightlens', 'Quill Mini'], domains: [{ domain: 'quillcam.example', evidence: 'sourced' }, { domain: 'qcamcdn.example', evidence: 'believed' }], rulings: [{ ruling: 'equipment', since: '2021-03-12' }] },
    { id: 'memtrix', name: 'Memtrix', legalNames: ['Memtrix Memory Technologies Co., Ltd.'], country: 'CN', aliases: [], domains: [], rulings: [{ ruling: 'exports' }] },
  ],
  notRestricted: [{ id: 'fairlight', name: 'Fairlight', aliases: ['Archer'], domains: ['fairlight.example'], reason: 'Not the restricted vendor.', sources: [] }],
  reportedLinks: [{ id: 'nimbo', name: 'Nimbo Robotics', aliases: [], domains: [], vendor: 'quillcam', relationship: 'Reported to resell Quillcam cameras; not established.', sources: [{ url: 'https://news.example/nimbo', title: 'Report', publisher: 'News', primary: false }] }],
};
