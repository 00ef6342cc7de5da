/**
 * Writes the sample Word pair samples/culture/azulejos.{pt-BR,en}.docx: an article of our own, the
 * Portuguese original and an English machine translation with a few planted artifacts, with what
 * Word documents carry (a heading, bold and italic runs, a hyperlink, a footnote, a table, a header).
 * Run: npx tsx scripts/make-sample-docx.ts
 */
import { writeFileSync } from 'node:fs';
import { buildDocx } from '../tests/helpers/docx-fixture.js';

interface Article {
  title: string;
  paragraphs: string[];
  link: [before: string, linked: string, after: string];
  table: [string, string][];
  footnote: string;
  header: string;
}

const PT: Article = {
  title: 'Oficina devolve cor aos azulejos do centro de São Luís',
  paragraphs: [
    'Uma oficina instalada num casarão da Rua do Giz recupera, peça por peça, **azulejos** portugueses do século XIX que se soltaram das fachadas do centro histórico de São Luís.',
    'Segundo a coordenadora do projeto, a restauradora Helena Vasconcelos, a equipe já catalogou 3.400 peças, das quais cerca de 900 precisam de restauro completo.',
    '“Cada azulejo conta a história da casa de onde caiu”, afirmou Helena, que pretende abrir a oficina a visitas escolares a partir de março.',
    'Atualmente, oito aprendizes trabalham na oficina, a maioria moradores do próprio bairro, e aprendem técnicas de *limpeza*, colagem e reintegração cromática.',
  ],
  link: ['O inventário das peças pode ser consultado no ', 'portal do projeto', ', atualizado toda semana.'],
  table: [
    ['Etapa', 'Peças'],
    ['Catalogadas', '3.400'],
    ['Restauradas', '1.150'],
  ],
  footnote: 'Dados da coordenação do projeto, novembro de 2026.',
  header: 'Patrimônio',
};

const EN: Article = {
  title: 'Workshop gives back colour to the tiles of the centre of São Luís',
  paragraphs: [
    'A workshop installed in a mansion on Rua do Giz recovers, piece by piece, Portuguese **tiles** from the 19th century that came loose from the facades of the historic centre of São Luís.',
    'According to the coordinator of the project, the restorer Helena Vasconcelos, the team has already catalogued 3,400 pieces, of which about 900 need complete restoration.',
    '“Each tile tells the story of the house from where it fell”, said Helena, who pretends to open the workshop to school visits from March.',
    'Actually, eight apprentices work in the the workshop, most of them residents of the neighbourhood itself, and learn techniques of *cleaning*, gluing and chromatic reintegration.',
  ],
  link: ['The inventory of the pieces can be consulted on the ', 'project portal', ', updated every week.'],
  table: [
    ['Stage', 'Pieces'],
    ['Catalogued', '3.400'],
    ['Restored', '1,150'],
  ],
  footnote: 'Data from the project coordination, November 2026.',
  header: 'Heritage',
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** **bold** and *italic* spans as their own runs, the rest plain. */
function runs(text: string): string {
  return text
    .split(/(\*\*[^*]+\*\*|\*[^*]+\*)/)
    .filter(Boolean)
    .map((part) => {
      if (part.startsWith('**')) return `<w:r><w:rPr><w:b/></w:rPr><w:t>${esc(part.slice(2, -2))}</w:t></w:r>`;
      if (part.startsWith('*')) return `<w:r><w:rPr><w:i/></w:rPr><w:t>${esc(part.slice(1, -1))}</w:t></w:r>`;
      return `<w:r><w:t xml:space="preserve">${esc(part)}</w:t></w:r>`;
    })
    .join('');
}

function docxOf(a: Article): Uint8Array {
  const [first, ...rest] = a.paragraphs;
  const body = [
    `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>${runs(a.title)}</w:p>`,
    `<w:p>${runs(first!)}<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r></w:p>`,
    ...rest.map((p) => `<w:p>${runs(p)}</w:p>`),
    `<w:p>${runs(a.link[0])}<w:hyperlink r:id="rId9"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>${esc(a.link[1])}</w:t></w:r></w:hyperlink>${runs(a.link[2])}</w:p>`,
    `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="2000"/></w:tblGrid>${a.table.map((r) => `<w:tr>${r.map((c) => `<w:tc><w:p>${runs(c)}</w:p></w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`,
  ].join('');
  return buildDocx({
    body,
    footnotes: `<w:footnote w:id="1"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> ${esc(a.footnote)}</w:t></w:r></w:p></w:footnote>`,
    header: `<w:p>${runs(a.header)}</w:p>`,
    link: 'https://example.org/azulejos-sao-luis',
  });
}

writeFileSync(new URL('../samples/culture/azulejos.pt-BR.docx', import.meta.url), docxOf(PT));
writeFileSync(new URL('../samples/culture/azulejos.en.docx', import.meta.url), docxOf(EN));
