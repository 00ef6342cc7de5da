/** en.adverbial-order: word order of the source recognised by its English shape, and the verb lexicon it reads. */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../main/core/checks/engine.js';
import { isVerbForm } from '../../../main/core/checks/code/english-verbs.js';

const found = (target: string, source = 'x') => runChecks({ source, target, sourceLang: 'es', targetLang: 'en' }).filter((f) => f.rule === 'en.adverbial-order').map((f) => f.text);

describe('English verb forms from the dictionary’s flags', () => {
  it('knows regular and irregular forms, and not nouns or adjectives', () => {
    for (const w of ['approve', 'approves', 'approved', 'approving', 'stopped', 'carried', 'opens', 'took', 'sold']) expect(isVerbForm(w), w).toBe(true);
    for (const w of ['beautiful', 'happy', 'government', 'the', 'quickly']) expect(isVerbForm(w), w).toBe(false);
  });
});

describe('en.adverbial-order', () => {
  it('finds a time adverbial between a verb and its object', () => {
    expect(found('The port handled in 2024 three million containers.')).toEqual(['handled in 2024 three million']);
    expect(found('The council approved on Wednesday the new budget for schools.')).toEqual(['approved on Wednesday the new']);
    expect(found('The mayor opened this Friday (12) the new library.')).toEqual(['opened this Friday (12) the new']);
    expect(found('The ministry included in the reform a new tax on sugar.')).toEqual(['included in the reform a new']);
    expect(found('The group will build in Porto a plant for batteries.')).toEqual(['build in Porto a plant']);
    expect(found('The board will present by the end of the month a new plan.')).toEqual(['present by the end of the month a new']);
    expect(found('The farm exports every year more than 400 tonnes of cheese.')).toEqual(['exports every year more than']);
    expect(found('The airline cancelled from Lyon to Nantes 14 flights.')).toEqual(['cancelled from Lyon to Nantes 14 flights']);
  });
  it('finds an auxiliary before the subject after a fronted time adverbial', () => {
    expect(found('On Monday will the minister present the plan.')).toEqual(['On Monday will the']);
    expect(found('In 2022 were planted in the valley some 9,000 trees.')).toEqual(['In 2022 were planted in']);
  });
  it('leaves English orders: a clause after the adverbial, dates, nouns, questions', () => {
    expect(found('She said on Friday the plan was flawed.')).toEqual([]);
    expect(found('When he arrived in 2019 the club had no money.')).toEqual([]);
    expect(found('The law came into force in April 2023.')).toEqual([]);
    expect(found('The strike began on Monday 3 March and ended in May.')).toEqual([]);
    expect(found('The plant opened in 2019, the first of its kind.')).toEqual([]);
    expect(found('On Monday, will the minister present the plan?')).toEqual([]);
    expect(found('In 2022 the valley planted 9,000 trees. Last year was the warmest on record.')).toEqual([]);
    expect(found('The hearing is on Friday the 13th.')).toEqual([]);
    expect(found('The envoy arrives in Lisbon this Thursday after a visit to Rome. The team lands in Oslo next week.')).toEqual([]);
    expect(found('The minister explained to the committee the reasons for the delay. They put in place a new system.')).toEqual([]);
    expect(found('Two people died in the crash the police reported on Monday.')).toEqual([]);
  });
});
