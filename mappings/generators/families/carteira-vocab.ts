/**
 * The words of the Carteira family (carteira.ts): the people, places, companies, products and
 * document numbers of a cleaning-supplies distributor in Campinas (SP), as its Brazilian sales
 * CRM holds them.
 */
import type { Rng } from "../prng.js";

export const CARTEIRA_FIRM = { name: "Higiclean Distribuidora de Produtos de Limpeza Ltda", domain: "higiclean.com.br" } as const;

/**
 * The sales team, who are the firm's Odoo users. `crm` is how the CRM writes the name in the
 * owner columns (an administrator typed one without its accents); `short` how the activity
 * report writes it: the given names and the surname's initial.
 */
export const SELLERS = [
  { first: "Ana Paula", last: "Ferreira", crm: "Ana Paula Ferreira", short: "Ana Paula F." },
  { first: "Rafael", last: "Moraes", crm: "Rafael Moraes", short: "Rafael M." },
  { first: "Juliana", last: "Carvalho", crm: "Juliana Carvalho", short: "Juliana C." },
  { first: "João Pedro", last: "Araújo", crm: "Joao Pedro Araujo", short: "João Pedro A." },
  { first: "Thiago", last: "Souza", crm: "Thiago Souza", short: "Thiago S." },
] as const;
/** A seller who has left: the CRM marks the deactivated user, no Odoo user has the name. */
export const FORMER_SELLER = { first: "Marcos", last: "Vieira", crm: "Marcos Vieira (inativo)", short: "Marcos V." } as const;

export const FIRST_FEMALE = [
  "Maria",
  "Ana",
  "Fernanda",
  "Patrícia",
  "Aline",
  "Camila",
  "Juliana",
  "Luciana",
  "Vanessa",
  "Cláudia",
  "Renata",
  "Débora",
  "Maria Eduarda",
] as const;
export const FIRST_MALE = [
  "José",
  "Carlos",
  "Paulo",
  "Lucas",
  "Marcelo",
  "Rodrigo",
  "Anderson",
  "Fábio",
  "Luiz Carlos",
  "Gustavo",
  "Márcio",
  "Diego",
  "João Vitor",
] as const;
export const SURNAMES = [
  "Silva",
  "Santos",
  "Oliveira",
  "Souza",
  "Rodrigues",
  "Ferreira",
  "Alves",
  "Pereira",
  "Lima",
  "Gomes",
  "Ribeiro",
  "Martins",
  "Carvalho",
  "Almeida",
  "Lopes",
  "Conceição",
  "Nascimento",
  "Araújo",
  "Barbosa",
  "Gonçalves",
  "Mendes",
  "Cavalcanti",
  "Rocha",
  "Dias",
] as const;

export interface Place {
  readonly city: string;
  readonly uf: string;
  /** The first digits of its CEPs. */
  readonly cep: string;
  readonly ddd: string;
  readonly districts: readonly string[];
}

export const PLACES: readonly Place[] = [
  { city: "Campinas", uf: "SP", cep: "130", ddd: "19", districts: ["Centro", "Cambuí", "Taquaral", "Barão Geraldo", "Jardim Chapadão", "Vila Industrial"] },
  { city: "Campinas", uf: "SP", cep: "131", ddd: "19", districts: ["Sousas", "Jardim Proença", "Parque Industrial"] },
  { city: "Valinhos", uf: "SP", cep: "132", ddd: "19", districts: ["Centro", "Vila Santana", "Jardim Alto da Boa Vista"] },
  { city: "Sumaré", uf: "SP", cep: "131", ddd: "19", districts: ["Centro", "Jardim Santa Clara", "Nova Veneza"] },
  { city: "Jundiaí", uf: "SP", cep: "132", ddd: "11", districts: ["Centro", "Anhangabaú", "Vila Arens", "Distrito Industrial"] },
  { city: "São Paulo", uf: "SP", cep: "04", ddd: "11", districts: ["Moema", "Pinheiros", "Vila Mariana", "Mooca", "Santo Amaro", "Barra Funda"] },
  { city: "Piracicaba", uf: "SP", cep: "134", ddd: "19", districts: ["Centro", "Vila Rezende", "Paulista"] },
  { city: "Americana", uf: "SP", cep: "134", ddd: "19", districts: ["Centro", "Vila Santa Catarina", "São Domingos"] },
  { city: "Ribeirão Preto", uf: "SP", cep: "140", ddd: "16", districts: ["Centro", "Jardim Sumaré", "Ribeirânia"] },
  { city: "Pouso Alegre", uf: "MG", cep: "375", ddd: "35", districts: ["Centro", "Santa Rita", "Faisqueira"] },
  { city: "Belo Horizonte", uf: "MG", cep: "301", ddd: "31", districts: ["Savassi", "Funcionários", "Barro Preto", "Pampulha"] },
  { city: "Rio de Janeiro", uf: "RJ", cep: "200", ddd: "21", districts: ["Centro", "Botafogo", "Tijuca", "Barra da Tijuca"] },
  { city: "Curitiba", uf: "PR", cep: "800", ddd: "41", districts: ["Centro", "Batel", "Água Verde", "CIC"] },
];

export const STREET_KINDS = [
  ["Rua", 10],
  ["Avenida", 4],
  ["Rodovia", 1],
  ["Alameda", 1],
  ["Travessa", 1],
] as const;
export const STREET_NAMES = [
  "Barão de Jaguara",
  "Dr. Campos Sales",
  "José Paulino",
  "Francisco Glicério",
  "Norte-Sul",
  "das Amoreiras",
  "Orosimbo Maia",
  "Aquidabã",
  "XV de Novembro",
  "Tiradentes",
  "Sete de Setembro",
  "Brasil",
  "Anhanguera, Km 104",
  "Santos Dumont",
  "Marechal Deodoro",
] as const;
export const COMPLEMENTS = ["Sala 12", "Galpão 3", "Bloco B", "Loja 2", "Conj. 41", "Fundos", "Andar 5"] as const;

export type Segment =
  "Supermercado" | "Hospital / Clínica" | "Indústria" | "Condomínio" | "Restaurante / Bar" | "Escola" | "Órgão público" | "Hotel" | "Facilities";

export const SEGMENTS: readonly (readonly [Segment, number])[] = [
  ["Supermercado", 14],
  ["Hospital / Clínica", 12],
  ["Indústria", 16],
  ["Condomínio", 14],
  ["Restaurante / Bar", 12],
  ["Escola", 8],
  ["Órgão público", 5],
  ["Hotel", 6],
  ["Facilities", 8],
];

/** Trade names (nome fantasia) by segment, and the legal suffix the razão social carries. */
export const TRADE_WORDS: Readonly<Record<Segment, readonly string[]>> = {
  Supermercado: ["Supermercado Bom Preço", "Mercado São Jorge", "Supermercados Paulistão", "Empório Boa Vista", "Atacadão Real"],
  "Hospital / Clínica": ["Clínica Santa Helena", "Hospital Vera Cruz", "Clínica Sorriso", "Laboratório Vida", "Policlínica Central"],
  Indústria: ["Metalúrgica Gaúcha", "Têxtil Americana", "Plásticos Alvorada", "Alimentos Serra Azul", "Embalagens Cristal", "Autopeças Anhanguera"],
  Condomínio: ["Condomínio Residencial Jardins", "Condomínio Edifício Itatiaia", "Condomínio Parque das Árvores", "Residencial Vila Verde"],
  "Restaurante / Bar": ["Cantina do Nonno", "Churrascaria Gaúcha", "Bar do Alemão", "Restaurante Sabor Mineiro", "Padaria Pão Nosso"],
  Escola: ["Colégio Integral", "Escola Pequeno Príncipe", "Colégio Objetivo Júnior", "Instituto Educacional Aprender"],
  "Órgão público": ["Prefeitura Municipal", "Câmara Municipal", "SAAE", "Fundação Municipal de Saúde"],
  Hotel: ["Hotel Vitória", "Pousada Recanto", "Hotel Executivo Plaza", "Flat Cambuí"],
  Facilities: ["Limpmax Serviços", "Conserv Terceirização", "Brilho Total Facilities", "ProClean Serviços"],
};
export const LEGAL_SUFFIXES = [
  ["Ltda", 12],
  ["Ltda - ME", 4],
  ["Eireli", 2],
  ["S.A.", 2],
  ["ME", 2],
] as const;

/** Tags (Etiquetas) the CRM offers, as it writes them. */
export const TAGS = ["Cliente ativo", "Contrato anual", "Licitação", "Key account", "Inadimplente", "Revenda", "Comodato de dispensers"] as const;

export const HEADCOUNTS = ["1-10", "11-50", "51-200", "201-500", "500+"] as const;

export const ROLES = [
  "Comprador",
  "Compradora",
  "Gerente de compras",
  "Síndico",
  "Síndica",
  "Zeladoria",
  "Gerente administrativo",
  "Financeiro",
  "Coordenadora de limpeza",
  "Nutricionista",
  "Diretor",
  "Proprietário",
] as const;

export const PRODUCTS = [
  "Detergente Neutro 5L",
  "Desinfetante Hospitalar 5L",
  "Álcool em Gel 70% 800ml",
  "Papel Toalha Interfolha 1000fl",
  "Papel Higiênico Rolão 8x300m",
  "Sabonete Líquido Erva-Doce 5L",
  "Saco de Lixo 100L (100un)",
  "Pano Microfibra 40x40",
  "Limpador Multiuso 5L",
  "Dispenser de Papel Toalha",
  "Cera Acrílica 5L",
  "Luva Nitrílica (caixa)",
] as const;

export const FUNNELS = {
  Vendas: ["Prospecção", "Contato feito", "Proposta enviada", "Negociação", "Fechamento"],
  Licitações: ["Edital publicado", "Documentação", "Proposta enviada", "Pregão", "Homologação"],
} as const;

export const ORIGINS = [
  ["Indicação", 5],
  ["Site", 4],
  ["Google Ads", 3],
  ["Prospecção ativa", 5],
  ["Feira / Evento", 2],
  ["Portal de compras", 2],
  ["WhatsApp", 3],
] as const;

export const LOSS_REASONS = ["Preço", "Concorrente", "Sem orçamento", "Sem retorno do cliente", "Licitação cancelada", "Prazo de entrega"] as const;

export const DEAL_TITLES = [
  "Fornecimento mensal",
  "Kit limpeza",
  "Reposição de descartáveis",
  "Comodato de dispensers",
  "Contrato anual de químicos",
  "Pedido inicial",
  "Renovação de contrato",
] as const;

export type ActivityKind = "Ligação" | "E-mail" | "Reunião" | "Visita" | "WhatsApp" | "Tarefa" | "Nota";

export const ACTIVITY_KINDS: readonly (readonly [ActivityKind, number])[] = [
  ["Ligação", 25],
  ["E-mail", 15],
  ["Reunião", 8],
  ["Visita", 12],
  ["WhatsApp", 18],
  ["Tarefa", 12],
  ["Nota", 10],
];

export const ACTIVITY_SUBJECTS: Readonly<Record<ActivityKind, readonly string[]>> = {
  Ligação: ["Retornar ligação", "Confirmar pedido", "Follow-up da proposta", "Cobrar retorno do orçamento"],
  "E-mail": ["Enviar proposta comercial", "Enviar tabela de preços", "Enviar ficha técnica (FISPQ)", "Enviar boleto"],
  Reunião: ["Apresentação da linha hospitalar", "Reunião de renovação", "Alinhamento de contrato"],
  Visita: ["Visita técnica", "Demonstração de produtos", "Instalação de dispensers", "Levantamento de consumo"],
  WhatsApp: ["Mandar catálogo no WhatsApp", "Confirmar entrega", "Enviar fotos dos produtos"],
  Tarefa: ["Cadastrar cliente no ERP", "Solicitar análise de crédito", "Preparar documentação do edital", "Agendar entrega"],
  Nota: ["Observação", "Informação do cliente", "Registro de reclamação"],
};

export const ACTIVITY_NOTES = [
  "Cliente pediu desconto de 5% para fechar.",
  "Falou com a compradora, vai aprovar na semana que vem.",
  "Reclamou do prazo de entrega da última remessa.",
  "Consumo médio de 40 caixas de papel toalha por mês.",
  "Pediu amostra do desinfetante hospitalar.\nLevar na próxima visita.",
  "Concorrente ofereceu preço menor no papel higiênico.",
  "Não atendeu, deixei recado.",
] as const;

export const REMARKS = [
  "Entrega somente das 8h às 16h.",
  "Pagamento via boleto 28 dias.",
  "Cliente exige nota fiscal com pedido de compra.",
  "Portaria pede agendamento prévio.\nFalar com o zelador.",
  "Cliente da carteira antiga do Marcos.",
] as const;

/** A CNPJ root's check digits, per the Receita Federal's weights. */
function cnpjDigits(base12: readonly number[]): string {
  const digit = (digits: readonly number[], weights: readonly number[]): number => {
    const sum = digits.reduce((total, value, index) => total + value * (weights[index] ?? 0), 0);
    const rest = sum % 11;
    return rest < 2 ? 0 : 11 - rest;
  };
  const first = digit(base12, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  const second = digit([...base12, first], [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  return `${first}${second}`;
}

/** A random CNPJ root (eight digits): the company; its establishments share it. */
export function cnpjRoot(rng: Rng): string {
  return String(rng.int(1_000_000, 99_999_999)).padStart(8, "0");
}

/** A CNPJ as the CRM writes it, `12.345.678/0001-95`, for establishment `branch` (1 the head office). */
export function cnpj(root: string, branch: number): string {
  const order = String(branch).padStart(4, "0");
  const base = [...root, ...order].map(Number);
  const check = cnpjDigits(base);
  return `${root.slice(0, 2)}.${root.slice(2, 5)}.${root.slice(5, 8)}/${order}-${check}`;
}

/** A CPF with valid check digits, `123.456.789-09`. */
export function cpf(rng: Rng): string {
  const base = Array.from({ length: 9 }, () => rng.int(0, 9));
  const digit = (digits: readonly number[]): number => {
    const weight = digits.length + 1;
    const sum = digits.reduce((total, value, index) => total + value * (weight - index), 0);
    const rest = (sum * 10) % 11;
    return rest === 10 ? 0 : rest;
  };
  const first = digit(base);
  const second = digit([...base, first]);
  const text = base.join("");
  return `${text.slice(0, 3)}.${text.slice(3, 6)}.${text.slice(6, 9)}-${first}${second}`;
}

/** The state registration (inscrição estadual) of São Paulo's shape, or "ISENTO" for an exempt body. */
export function inscricaoEstadual(rng: Rng, uf: string): string {
  const digits = String(rng.int(100_000_000, 999_999_999)) + String(rng.int(100, 999));
  return uf === "SP" ? `${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6, 9)}.${digits.slice(9)}` : digits.slice(0, 10);
}
